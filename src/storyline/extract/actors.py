"""storyline_actors: people, organisations and countries, one entity per identity, linked to every mention.

    candidates (actor_spans)  the model's entities repaired + knowledge-file names + demonyms
    -> recovery (actor_recovery)  corporate-word runs, cued names, bracketed acronyms, repeats of tagged names
    -> clusters (actor_clusters)  one identity per actor, consistent types
    -> places as actors         "supplying Kyiv with ..." -> Ukraine (tokens in ``Analysis.actor_place_tokens``)
    -> roles (roles)            titles and appositions: role, country, possessor
    -> knowledge                positions held on the publication date, gender, codes
    -> gender from the text     "Mrs", "his wife", "the daughter of", "congressman" (when the file gives none)
    -> coreference (coref)      "the Russian leader", "his predecessor", he/his/him -> people; it/its -> organisations
                                and countries, they/their -> coordinated actors or groups (coref_actors)
    -> entities                 ``Analysis.entities`` and ``Analysis.token_entity`` (every mention token)

Codes: a known actor's position on ``Analysis.published`` (a position that has ended gives country + ELI);
a country: its ISO alpha-3; a group ("Ukrainian forces"): country + sector; a person with a title in the
text: country + the title's sector. ``code_for`` gives the code of one mention (a capital used as an actor:
country + GOV). ``entity_for`` gives the entity of a token or span. Across articles, use
``storyline.resolve.identity.entity_key(entity)``.
"""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..models import Entity, Mention
from ..resolve.codes import actor_code, country_name, place_country, sector_of
from ..resolve.gazetteer import load_gazetteer
from ..resolve.knowledge import load_knowledge
from .actor_clusters import build_clusters, cluster_name, surface
from .actor_recovery import recover
from .actor_spans import Cand, Cluster, collect
from .coref import Coref
from .roles import gender_cue, person_roles
from .state import state
from .toponyms import extend_place_names, qualifier

LOCATIVE = {"in", "at", "to", "from", "near", "into", "across", "outside", "around", "within", "through", "over",
            "between", "via", "toward", "towards", "inside", "throughout", "across"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "iobj", "agent", "poss", "appos", "conj"}


def used_as_actor(doc: Doc, cand: Cand) -> bool:
    """A place name acts ("Moscow refused", "supplying Kyiv with", "Kyiv Tomahawk missiles") unless it is
    the object of a locative preposition ("in Moscow") or modifies another place name."""
    root = cand.span(doc).root
    if root.dep_ == "pobj":
        return root.head.lower_ not in LOCATIVE
    if root.dep_ == "compound":
        while root.dep_ == "compound" and root.head.pos_ == "PROPN":
            root = root.head
        return root.head.pos_ != "PROPN"
    return root.dep_ in ACTOR_DEPS and not (root.dep_ == "conj" and root.head.dep_ == "pobj")


def _places_as_actors(doc: Doc, clusters: dict[str, Cluster]) -> set[int]:
    """Move capitals used as actors into their country's cluster; return the tokens of every place used so."""
    tokens: set[int] = set()
    for key in list(clusters):
        cl = clusters[key]
        for cand in list(cl.cands):
            if cand.country and cand.kind == "name" and used_as_actor(doc, cand):
                tokens.update(range(cand.start, cand.end))
                if cand.capital:
                    _move(clusters, cl, cand, f"country:{cand.country}")
        if not cl.cands:
            del clusters[key]
    return tokens


def _move(clusters: dict[str, Cluster], old: Cluster, cand: Cand, key: str) -> None:
    old.cands.remove(cand)
    cand.kind, cand.capital = "place", False
    home = clusters.setdefault(key, Cluster(key, "GPE", country=cand.country))
    home.cands.append(cand)
    home.cands.sort(key=lambda c: c.start)


def _apply_knowledge(cl: Cluster, day: date | None) -> None:
    actor = cl.actor
    if actor is None:
        return
    cl.gender = actor.gender
    position = actor.position_on(day)
    if position is not None:
        cl.held_heads.add(position.role.split()[-1].lower())
        cl.country = position.country or cl.country
        if position.role not in cl.roles:
            cl.roles.append(position.role)
    former = actor.former_position(day)
    cl.country = cl.country or actor.country or (former.country if former else None)


def _apply_gender(doc: Doc, clusters: dict[str, Cluster]) -> None:
    """A person the knowledge file gives no gender takes the one the text's words about them give ("Mrs",
    "his wife", "the daughter of", "congressman"), so that "she" does not go to a man; none when they disagree."""
    for cl in clusters.values():
        if cl.label == "PERSON" and cl.gender is None:
            cues = {g for c in cl.cands if (g := gender_cue(doc, c.start, c.end))}
            cl.gender = cues.pop() if len(cues) == 1 else None


def _apply_roles(doc: Doc, clusters: dict[str, Cluster]) -> tuple[dict[int, str], list]:
    """Roles from titles and appositions; returns title token -> cluster id and the (cluster, possessor) pairs."""
    titles, owned = {}, []
    named = {i: cl for cl in clusters.values() for c in cl.cands for i in range(c.start, c.end)}
    people = frozenset(i for i, cl in named.items() if cl.label == "PERSON")
    for cl in clusters.values():
        if cl.label != "PERSON":
            continue
        for cand in cl.cands:
            info = person_roles(doc, cand.start, cand.end, people)
            if info.role and not cl.has_role(info.role):
                cl.roles.insert(0, info.role)
            cl.country = cl.country or info.country
            if info.role and cand.start - 1 in info.role_tokens:
                titles.update({i: cl.id for i in info.role_tokens})
                _join_institution(cl, [named[i] for i in info.role_tokens if i in named])
            if info.possessor is not None:
                owned.append((cl, info.possessor))
    return titles, owned


def _join_institution(cl: Cluster, named: list[Cluster]) -> None:
    """A person titled with an organisation's name ("Senate Republican leader", "Pentagon spokesman") is of its
    country and sector, when nothing else gives them; an organisation of another country than the person's own
    is a namesake ("Serbian Labour Minister": Serbia's labour minister, not of Britain's Labour Party)."""
    org = next((o for o in named if o.label == "ORG" and o.country), None)
    if org is not None and cl.country in (None, org.country):  # a "Serbian Labour Minister" is in no UK party
        cl.country = cl.country or org.country
        cl.sector = cl.sector or org.sector or (org.actor.sector if org.actor else None)


def _code(cl: Cluster, day: date | None, written: tuple[str, ...] = ()) -> str | None:
    """The cluster's actor code; ``written`` are its mentions as written, whose titles can name the office."""
    actor = cl.actor
    if actor is not None:
        titled = actor.titled_position((*cl.roles, *written), day)
        return actor.position_code(titled) if titled is not None else actor.code_on(day)
    if cl.id.startswith("country:"):
        return cl.country
    sector = cl.sector or next((s for r in cl.roles if (s := sector_of(r))), None)
    return actor_code(cl.country, sector) if cl.country else None


def _mentions(doc: Doc, cl: Cluster, extra: list, titles: set[int]) -> tuple[Mention, ...]:
    """Name, title and coreference mentions; a title is the unbroken run of title words before a name, however
    long ("Republican National Committee Research Director")."""
    spans = [(c.start, c.end, c.kind) for c in cl.cands] + extra
    for cand in cl.cands:
        start = cand.start
        while start - 1 in titles:
            start -= 1
        if start < cand.start:
            spans.append((start, cand.start, "title"))
    spans.sort()
    return tuple(Mention(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), doc[s:e].text, kind) for s, e, kind in spans)


def _entity(doc: Doc, n: int, cl: Cluster, extra: list, titles: set[int], day: date | None) -> Entity:
    name = cluster_name(doc, cl, country_name)
    country = cl.country
    if country is None and cl.label in {"GPE", "LOC", "FAC"}:
        country = _qualified_country(doc, cl) or place_country(name)
    aliases = sorted({surface(doc, c) for c in cl.cands if c.kind == "name"} - {name})
    knowledge_id = cl.actor.id if cl.actor else (cl.id if cl.id.startswith("country:") else None)
    return Entity(id=f"A{n}", name=name, type=cl.label, country=country, roles=tuple(cl.roles),
                  code=_code(cl, day, tuple(surface(doc, c) for c in cl.cands)) if cl.label != "PRODUCT" else None,
                  aliases=tuple(aliases),
                  mentions=_mentions(doc, cl, extra, titles), knowledge_id=knowledge_id)


def _qualified_country(doc: Doc, cl: Cluster) -> str | None:
    """The country of a place named with its state or country after a comma ("Birmingham, Ala.": the United
    States, not the larger Birmingham in England), as the geocoder reads the same qualifier."""
    gaz = load_gazetteer()
    for cand in cl.cands:
        found = qualifier(doc, doc[cand.start:cand.end], gaz) if cand.kind == "name" else None
        entry = gaz.qualifier(found.text) if found is not None else None
        if entry is not None and entry.country:
            return entry.country
    return None


@Language.component("storyline_actors")
def annotate(doc: Doc) -> Doc:
    sl = state(doc)
    kb = load_knowledge()
    extend_place_names(doc, load_gazetteer())
    clusters = build_clusters(doc, recover(doc, collect(doc, kb)), kb.on(sl.published))
    sl.actor_place_tokens = _places_as_actors(doc, clusters)
    for cl in clusters.values():
        _apply_knowledge(cl, sl.published)
    _apply_gender(doc, clusters)
    titles, owned = _apply_roles(doc, clusters)
    token_cluster = {i: cl.id for cl in clusters.values() for c in cl.cands for i in range(c.start, c.end)}
    token_cluster.update(titles)  # a title's words are the person's, an institution named in it included
    coref = Coref(doc, clusters, token_cluster, skip=set(titles))
    found = coref.run()
    sl.plural_antecedent = coref.actors.plural
    for cl, possessor in owned:
        owner = clusters.get(token_cluster.get(possessor, ""))
        cl.country = cl.country or (owner.country if owner else None)
    _emit(doc, sl, clusters, found, titles, token_cluster)
    return doc


def _emit(doc: Doc, sl, clusters: dict[str, Cluster], found: list, titles: dict[int, str],
          token_cluster: dict[int, str]) -> None:
    ids = {}
    for n, cl in enumerate(clusters.values(), start=1):
        extra = [(s, e, kind) for s, e, cid, kind in found if cid == cl.id]
        entity = _entity(doc, n, cl, extra, {i for i, cid in titles.items() if cid == cl.id}, sl.published)
        ids[cl.id] = entity.id
        sl.entities.append(entity)
    sl.token_entity.update({i: ids[cid] for i, cid in token_cluster.items() if cid in ids})


def entity_for(doc: Doc, token_or_span: Token | Span | int) -> Entity | None:
    """The entity a token (or a span's root, else its first linked token) belongs to, or None."""
    sl = state(doc)
    if isinstance(token_or_span, Span):
        order = [token_or_span.root.i] + [t.i for t in token_or_span]
    else:
        order = [token_or_span if isinstance(token_or_span, int) else token_or_span.i]
    entity_id = next((sl.token_entity[i] for i in order if i in sl.token_entity), None)
    return sl.entity(entity_id)


def code_for(doc: Doc, token_or_span: Token | Span | int) -> str | None:
    """The actor code of one mention: a place used as an actor is its government (country + GOV)."""
    entity = entity_for(doc, token_or_span)
    if entity is None:
        return None
    tokens = list(token_or_span) if isinstance(token_or_span, Span) else [token_or_span]
    indices = {t if isinstance(t, int) else t.i for t in tokens}
    if entity.type == "GPE" and entity.country and indices & state(doc).actor_place_tokens \
            and any(_is_capital_mention(entity, doc, i) for i in indices):
        return actor_code(entity.country, "GOV")
    return entity.code


def _is_capital_mention(entity: Entity, doc: Doc, i: int) -> bool:
    return any(m.kind == "place" and m.start <= doc[i].idx < m.end for m in entity.mentions)
