"""Actor networks of corpus size for the page tests, generated (no spaCy, no RDF round trip).

They have the shape :func:`graphbuild.network.actor_network` returns and the
structure news networks have: groups of actors round a few hubs, many actors
named in one relation only, hubs tied across groups, small pieces on their own,
parallel relations, one predicate far more common than the rest.
"""
from __future__ import annotations

import random

import networkx as nx

from graphbuild.records import ACTOR_TYPES

#: (local name, label, kind, symmetric, how often), the first the most common.
PREDICATES = (("quotedBy", "quoted by", "structural", False, 9), ("memberOf", "member of", "structural", False, 5),
              ("criticised", "criticised", "event", False, 4), ("metWith", "met with", "event", True, 3),
              ("leaderOf", "leader of", "structural", False, 2), ("visited", "visited", "event", False, 2),
              ("accused", "accused", "event", False, 1), ("basedIn", "based in", "structural", False, 1))
_SYLLABLES = ("ka", "lo", "ren", "ti", "mar", "vos", "el", "dan", "qui", "sor", "ba", "nel", "tor", "wy", "ash")
_ORG_WORDS = ("Council", "Party", "Union", "Agency", "Trust", "Times", "Institute", "Ministry")


def _name(rng: random.Random, kind: str, i: int) -> str:
    def word(parts: int) -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()
    if kind == "Person":
        return f"{word(rng.randint(1, 2))} {word(rng.randint(2, 3))}"
    if kind == "Organization":
        return f"{word(2)} {rng.choice(_ORG_WORDS)}" + (f" of {word(2)}" if rng.random() < 0.3 else "")
    return word(rng.randint(2, 3)) + ("" if i % 3 else "ia")


def corpus_network(actors: int = 1000, *, seed: int = 11, dated: bool = False) -> nx.MultiDiGraph:
    """A generated actor network of ``actors`` actors (every one with at least one relation).

    Args:
        actors: how many actors.
        seed: the generator's seed.
        dated: give every statement a date in 2005 (and every relation first/last seen).
    """
    rng = random.Random(seed)
    network = nx.MultiDiGraph()
    names = set()
    for i in range(actors):
        kind = ACTOR_TYPES[0] if rng.random() < 0.55 else rng.choice(ACTOR_TYPES[1:])
        label = _name(rng, kind, i)
        while label in names:
            label += " " + rng.choice(_SYLLABLES).capitalize()
        names.add(label)
        network.add_node(f"actor/{i:04d}", label=label, type=kind, schema_class=kind,
                         aliases=label.split()[-1] if kind == "Person" else "", mentions=rng.randint(1, 40),
                         articles=rng.randint(1, 12), degree=0)
    ids = list(network.nodes)
    weights = [p[4] for p in PREDICATES]

    def relate(u: str, v: str) -> None:
        name, label, kind, symmetric, _ = rng.choices(PREDICATES, weights)[0]
        if symmetric:
            u, v = sorted((u, v))
        if u == v or network.has_edge(u, v, key=name):
            return
        statements = rng.choice((1, 1, 1, 2, 2, 3, 5))
        evidence = []
        for s in range(statements):
            day = f"2005-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if dated else ""
            article = rng.randrange(400)
            evidence.append({"sentence": f"{network.nodes[u]['label']} {label} {network.nodes[v]['label']} ({s}).",
                             "article": f"Generated article {article}", "source": f"corpus/{article:03d}.txt",
                             "confidence": round(rng.uniform(0.4, 0.95), 2), "construction": "svo", "start": 0,
                             "end": 10, "hypothetical": False, "date": day})
        days = sorted(ev["date"] for ev in evidence if ev["date"])
        network.add_edge(u, v, key=name, predicate=name, label=label, kind=kind, symmetric=symmetric,
                         hypothetical=False, weight=statements, confidence=max(ev["confidence"] for ev in evidence),
                         evidence=evidence, first_seen=days[0] if days else "", last_seen=days[-1] if days else "")

    # A tenth in small pieces of two or three; the rest in groups of falling size round a few hubs.
    loose, grouped = ids[: actors // 10], ids[actors // 10:]
    for first in range(0, len(loose) - 1, rng.choice((2, 3))):
        piece = loose[first:first + rng.choice((2, 3))]
        for a, b in zip(piece, piece[1:]):
            relate(a, b)
    groups, at, size = [], 0, max(8, len(grouped) // 5)
    while at < len(grouped):
        groups.append(grouped[at:at + size])
        at += size
        size = max(8, int(size * 0.75))
    hubs = []
    for group in groups:
        heads = group[: max(1, len(group) // 25)]
        hubs.append(heads)
        for member in group[len(heads):]:
            relate(member, rng.choice(heads)) if rng.random() < 0.5 else relate(rng.choice(heads), member)
            if rng.random() < 0.35:
                relate(member, rng.choice(group))
        for a, b in zip(heads, heads[1:]):
            relate(a, b)
    for i, heads in enumerate(hubs):  # hubs tied to the hubs of other groups
        for _ in range(3):
            relate(rng.choice(heads), rng.choice(rng.choice(hubs)))
    for node in list(network.nodes):
        if network.degree(node) == 0:
            relate(node, rng.choice(hubs[0]))
    for node, degree in network.degree():
        network.nodes[node]["degree"] = int(degree)
    return network
