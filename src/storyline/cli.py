"""The ``storyline`` command: thin wrappers over plain functions (api, jobs, store, eval)."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable

from . import __version__
from .errors import StorylineError
from .models import EVENT_STATUSES, Document, Rejection
from .settings import load_settings

COMMANDS: dict[str, tuple[Callable, str]] = {}


def command(name: str, help: str):
    """Register ``func(args) -> int`` as a subcommand; ``func.arguments(parser)`` declares its arguments."""

    def wrap(func):
        COMMANDS[name] = (func, help)
        return func

    return wrap


def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database URL (default: STORYLINE_DB or sqlite:///storyline.db)")


def _fmt(parser: argparse.ArgumentParser, choices=("json", "text"), default="text") -> None:
    parser.add_argument("--format", choices=choices, default=default)


def _open_store(args):
    from .store import Store

    return Store(load_settings(db=args.db)["db"])


def _say_rejected(rej: Rejection) -> None:
    detail = f": {rej.detail}" if rej.detail else ""
    print(f"storyline: {rej.source}: rejected ({rej.reason}){detail}", file=sys.stderr)


def _print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False))


# ---------------------------------------------------------------- ingest / extract


def _ingest_args(p):
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="files, directories, feeds, JSONL dumps or URLs")
    p.add_argument("--published", help="publication date YYYY-MM-DD for inputs that carry none")
    p.add_argument("--workers", type=int, help="analyse on this many Ray workers (setting workers; default 1)")
    _db(p)


@command("ingest", "read sources, analyse new articles and store them")
def cmd_ingest(args) -> int:
    from .jobs import ingest

    settings = load_settings(db=args.db, workers=args.workers)
    store = _open_store(args)
    result = ingest(args.sources, store, settings, published=args.published, on_reject=_say_rejected)
    print(f"stored {len(result.stored)} new, {len(result.unchanged)} already stored, "
          f"{len(result.rejected)} rejected  ({store.url})")
    return 0 if result.ok else 1


cmd_ingest.arguments = _ingest_args


def _extract_args(p):
    p.add_argument("sources", nargs="+", metavar="SOURCE")
    p.add_argument("--published", help="publication date YYYY-MM-DD (a JSONL line's own date wins)")
    _fmt(p, default="json")


@command("extract", "run the whole pipeline without a database and print one JSON document per article")
def cmd_extract(args) -> int:
    from .api import extract_many
    from .render import document_text

    rejected: list[Rejection] = []

    def on_reject(rej: Rejection) -> None:
        rejected.append(rej)
        _say_rejected(rej)

    for doc in extract_many(args.sources, published=args.published, on_reject=on_reject):
        if args.format == "json":
            _print_json(doc.to_dict())
        else:
            print(document_text(doc))
    return 1 if rejected else 0


cmd_extract.arguments = _extract_args


# ---------------------------------------------------------------- store views


def _stats_args(p):
    _db(p)
    _fmt(p)


@command("stats", "counts of what the store holds")
def cmd_stats(args) -> int:
    from .render import stats_text

    stats = _open_store(args).stats()
    if args.format == "json":
        _print_json(stats)
    else:
        print(stats_text(stats))
    return 0


cmd_stats.arguments = _stats_args


def _show_args(p):
    p.add_argument("article_id")
    _db(p)
    _fmt(p, default="json")


@command("show", "print one stored document")
def cmd_show(args) -> int:
    from .render import document_text

    doc = _open_store(args).get_document(args.article_id)
    print(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) if args.format == "json" else document_text(doc))
    return 0


cmd_show.arguments = _show_args


def _export_args(p):
    from .export import FORMATS

    p.add_argument("--format", choices=FORMATS, default="jsonl",
                   help="jsonl: one document per line; parquet: a directory of tables; gdelt: GDELT 2.0 events")
    p.add_argument("--out", help="file to write, or directory for parquet (default: standard output)")
    p.add_argument("--status", action="append", choices=EVENT_STATUSES,
                   help="gdelt: export events of this status (repeatable; default: occurred and ongoing)")
    _db(p)


@command("export", "write stored documents as JSONL, Parquet tables or a GDELT event table")
def cmd_export(args) -> int:
    from .export import export

    store = _open_store(args)
    statuses = tuple(args.status) if args.status else None
    count = export(store.iter_documents(), args.format, args.out, statuses=statuses)
    if args.out:
        print(f"wrote {count} documents to {args.out} ({args.format})")
    return 0


cmd_export.arguments = _export_args


def _rejects_args(p):
    _db(p)
    _fmt(p)


@command("rejects", "list rejected inputs with their reasons")
def cmd_rejects(args) -> int:
    rejections = _open_store(args).rejections()
    if args.format == "json":
        _print_json([{"source": r.source, "reason": r.reason, "detail": r.detail} for r in rejections])
    else:
        for r in rejections:
            print(f"{r.reason:<16} {r.source}  {r.detail}")
        print(f"{len(rejections)} rejected")
    return 0


cmd_rejects.arguments = _rejects_args


# ---------------------------------------------------------------- stories


def _stories_args(p):
    p.add_argument("action", nargs="?", choices=("list", "rebuild"), default="list",
                   help="list the stories (default) or re-cluster every stored article offline")
    p.add_argument("--limit", type=int, help="at most this many stories, most recently active first")
    _db(p)
    _fmt(p)


@command("stories", "developing stories: articles grouped, copies linked")
def cmd_stories(args) -> int:
    from .stories import render, service

    store = _open_store(args)
    if args.action == "rebuild":
        result = service.rebuild(store)
        _print_json(result) if args.format == "json" else print(f"rebuilt: {result}")
        return 0
    data = service.list_stories(store, limit=args.limit)
    _print_json(data) if args.format == "json" else print(render.stories_text(data))
    return 0


cmd_stories.arguments = _stories_args


def _story_args(p):
    p.add_argument("story_id")
    _db(p)
    _fmt(p, choices=("json", "text", "atom"))


@command("story", "one story: its articles, copies and timeline (or its Atom feed with --format atom)")
def cmd_story(args) -> int:
    from .stories import render, service

    store = _open_store(args)
    if args.format == "atom":
        print(service.story_feed(store, args.story_id))
        return 0
    story = service.get_story(store, args.story_id)
    _print_json(story) if args.format == "json" else print(render.story_text(story))
    return 0


cmd_story.arguments = _story_args


def _trending_args(p):
    p.add_argument("--now", help="score as of this ISO time (default: the newest article's date)")
    p.add_argument("--window-hours", type=float, help="length of the 'now' window (setting trending_window_hours)")
    _db(p)
    _fmt(p)


@command("trending", "stories and actors whose volume bursts against their own baseline")
def cmd_trending(args) -> int:
    from .stories import render, service

    data = service.trending(_open_store(args), now=args.now, window_hours=args.window_hours)
    _print_json(data) if args.format == "json" else print(render.trending_text(data))
    return 0


cmd_trending.arguments = _trending_args


def _watch_args(p):
    p.add_argument("action", choices=("add", "run", "list"))
    p.add_argument("rule", nargs="?", help='with add: a JSON rule, e.g. \'{"kind": "event", "plover": "CONSULT", '
                                          '"actors": ["USA", "RUS"]}\' or \'{"kind": "quote", "speaker": "Putin"}\'')
    p.add_argument("--webhook", help="with run: POST each match as JSON to this URL instead of printing JSONL")
    _db(p)


@command("watch", "store watch rules and emit each new match once (JSONL or webhook)")
def cmd_watch(args) -> int:
    from .stories import service
    from .stories.watch import watches

    store = _open_store(args)
    if args.action == "add":
        if not args.rule:
            print("storyline: error: watch add needs a JSON rule", file=sys.stderr)
            return 2
        try:
            rule = json.loads(args.rule)
        except json.JSONDecodeError as exc:
            print(f"storyline: error: the rule is not JSON ({exc})", file=sys.stderr)
            return 2
        print(f"watch {service.watch_add(store, rule)} added")
    elif args.action == "list":
        for watch_id, rule in watches(store):
            print(f"{watch_id}\t{json.dumps(rule, ensure_ascii=False)}")
    else:
        count = service.watch_run(store, out=sys.stdout, webhook=args.webhook)
        print(f"{count} new match(es)", file=sys.stderr)
    return 0


cmd_watch.arguments = _watch_args


# ---------------------------------------------------------------- serve


def _serve_args(p):
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    p.add_argument("--port", type=int, default=8000)
    _db(p)


@command("serve", "serve the REST API (routes under /api, docs at /api/docs)")
def cmd_serve(args) -> int:
    import uvicorn

    from .serve import create_app

    from .store.engine import display

    app = create_app(load_settings(db=args.db))
    print(f"storyline: serving {display(app.state.store.engine.url)} on http://{args.host}:{args.port}/api/docs", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


cmd_serve.arguments = _serve_args


# ---------------------------------------------------------------- evaluation


def _eval_args(p):
    from .eval import EVALUATORS

    p.add_argument("name", choices=sorted(EVALUATORS))
    p.add_argument("--data", required=True, help="path to the data set (see ../shared/eval/README.md)")
    p.add_argument("--split", help="dev | test | train (default: all)")
    p.add_argument("--mode", help="what is scored, for evaluations that have modes: petrarch events | triggers; "
                                  "factuality predicates | dictionary | events (default: the evaluation's own)")
    p.add_argument("--cv", type=int, metavar="FOLDS", help="ecbplus: estimate the held-out score by nested "
                                                           "leave-topics-out cross-validation over FOLDS folds")
    p.add_argument("--orders", type=int, help="ecbplus: stream orders to repeat the run over, with the mean "
                                              "(default 1; 4 with --cv)")
    p.add_argument("--texts", help="newswire: the folder of the coded texts (default "
                                   "../shared/eval/temporal/TBAQ-cleaned)")
    _fmt(p, default="json")


@command("eval", "score storyline on a public benchmark")
def cmd_eval(args) -> int:
    from .eval import evaluate

    options = {"mode": args.mode} if args.mode else {}
    if args.texts:
        options["texts"] = args.texts
    if args.cv:
        options.update(cv=args.cv, orders=args.orders or 4)
    elif args.orders:
        options.update(orders=args.orders)
    metrics = evaluate(args.name, args.data, split=args.split, **options)
    if args.format == "json":
        _print_json(metrics)
    else:
        for key, value in metrics.items():
            print(f"{key:<24} {value}")
    return 0


cmd_eval.arguments = _eval_args


# ---------------------------------------------------------------- entry point


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="storyline", description=__doc__)
    parser.add_argument("--version", action="version", version=f"storyline {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (func, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        getattr(func, "arguments", lambda parser: None)(p)
        p.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except StorylineError as exc:
        print(f"storyline: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
