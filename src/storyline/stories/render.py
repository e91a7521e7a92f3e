"""Text forms of the stories service's results, for ``--format text``."""
from __future__ import annotations


def stories_text(data: dict) -> str:
    if not data["stories"]:
        return "no stories yet: ingest some articles (`storyline ingest ...`) or run `storyline stories rebuild`"
    blocks = []
    for story in data["stories"]:
        span = f"{story['first_seen'] or '?'} – {story['last_seen'] or '?'}"
        counts = f"{_count(story['size'], 'article')}, {_count(story['copies'], 'copy', 'copies')}"
        head = f"{story['id']}  {story['title']}\n  {counts}, {span}"
        lines = [f"    {a['published'] or '          '}  {a['title'] or a['url'] or a['id']}"
                 + (f"  (copy of {a['copy_of']})" if a["copy_of"] else "") for a in story["articles"]]
        blocks.append("\n".join([head, f"  {story['summary']}", *lines]))
    return "\n\n".join(blocks)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _status_line(entry: dict) -> str:
    steps = " → ".join(f"{s['status']} ({s['reported'] or '?'})" for s in entry["status_history"])
    event = entry["event"]
    actors = " – ".join(n for n in (event["source_name"], event["target_name"]) if n)
    return (f"  {entry['first_reported'] or '?'}  {event['type']}  {actors}  [{steps}]  "
            f"mentions {entry['mentions']}, sources {entry['sources']}, articles {entry['articles']}")


def story_text(story: dict) -> str:
    lines = [f"{story['id']}  {story['title']}", f"  {story['summary']}", "", "articles:"]
    lines += [f"  {a['published'] or '?'}  {a['title'] or a['id']}"
              + (f"  ({a.get('kind') or 'copy'} of {a['copy_of']})" if a["copy_of"] else "")
              for a in story["articles"]]
    lines += ["", "timeline:"] + ([_status_line(e) for e in story["timeline"]] or ["  (no events extracted)"])
    for change in story.get("quote_changes", ()):
        lines.append(f"! {change['article_id']} rewords a quote by {change.get('speaker') or '?'}: "
                     f"“{change['changed']}” (was “{change['original']}”)")
    return "\n".join(lines)


def trending_text(data: dict) -> str:
    if data["now"] is None:
        return "nothing to trend: the store has no articles"
    lines = [f"trending at {data['now']} (window {data['window_hours']:g} h)", "stories:"]
    lines += [f"  {s['score']:6.2f}  {s.get('title') or s['id']}  — {s['why']}" for s in data["stories"]]
    lines += ["actors:"] + [f"  {a['score']:6.2f}  {a['name']}  — {a['why']}" for a in data["actors"]]
    return "\n".join(lines)
