"""The build cache: parsed articles by content hash, and what each output folder holds.

An output folder keeps, under ``.graphbuild/``, every article's extracted records
(keyed by the article's content hash and the model that parsed it) and a manifest
of the articles its graph was built from. A later build reuses the records of
any article it has parsed before, and ``--update`` adds new articles to the
ones in the manifest without re-reading or re-parsing them. Because the graph is
always built from the full list of records, building A then updating with B
gives the same graph as building A and B at once.

Records are stored as JSON, not pickle, so an output folder from elsewhere can
never run code. The cache key includes a digest of graphbuild's own code, so a
changed rule never reuses results extracted by the old one.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path

from . import __version__
from .errors import GraphbuildError
from .files import atomic_write
from .records import Actor, Article, ArticleResult, Mention, Relation, RemovedLine

STATE_DIR = ".graphbuild"
MANIFEST = "manifest.json"
#: The layout of a stored result; raised whenever a record gains or loses a field (2: Article.date),
#: so an entry written by an older graphbuild is never read as a newer record.
CACHE_FORMAT = 2
#: The link, inside :data:`STATE_DIR`, to the folder of the published build (see :mod:`graphbuild.outputs`).
CURRENT = "current"


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-._" else "_" for ch in text)


@functools.cache
def code_digest() -> str:
    """A digest of graphbuild's code and data files: what extraction results depend on."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and (path.suffix == ".py" or "data" in path.relative_to(package).parts):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def result_to_json(result: ArticleResult) -> dict:
    """An article's records as plain JSON data."""
    return dataclasses.asdict(result)


def result_from_json(data: dict) -> ArticleResult:
    """The inverse of :func:`result_to_json`.

    Raises:
        KeyError, TypeError, ValueError: when the data is not a stored result.
    """
    article = dict(data["article"])
    article["removed"] = tuple(RemovedLine(**line) for line in article["removed"])
    actors = []
    for actor in data["actors"]:
        actor = {name: tuple(value) if isinstance(value, list) else value for name, value in actor.items()}
        actor["mentions"] = tuple(Mention(**m) for m in actor["mentions"])
        actors.append(Actor(**actor))
    return ArticleResult(article=Article(**article), actors=tuple(actors),
                         relations=tuple(Relation(**r) for r in data["relations"]))


class ResultCache:
    """Extracted records on disk, one JSON file per article, per model and graphbuild code.

    Args:
        out_dir: the output folder the cache belongs to.
        model: the identity of the spaCy model (name and version).
    """

    def __init__(self, out_dir: Path, model: str) -> None:
        key = f"{model}-graphbuild-{__version__}-v{CACHE_FORMAT}-{code_digest()}"
        self.folder = Path(out_dir) / STATE_DIR / "cache" / _safe(key)

    def _path(self, article_id: str) -> Path:
        return self.folder / article_id[:2] / f"{_safe(article_id)}.json"

    def load(self, article_id: str) -> ArticleResult | None:
        """The cached records of the article with this content hash, or None."""
        try:
            result = result_from_json(json.loads(self._path(article_id).read_text(encoding="utf-8")))
        except Exception:  # noqa: BLE001 - damaged data can raise almost anything
            return None  # a damaged entry is a miss: the article is parsed again
        return result if result.article.id == article_id else None

    def get(self, article: Article) -> ArticleResult | None:
        """The cached records of ``article``, carrying its current source, or None."""
        result = self.load(article.id)
        return dataclasses.replace(result, article=article) if result else None

    def put(self, result: ArticleResult) -> None:
        """Store the records of one article (not fsync'ed: a lost or torn entry is only a miss).

        The entry is written to a temporary name and renamed when whole, so a
        failed write leaves no entry at all.

        Raises:
            GraphbuildError: when the entry cannot be written (a full disk), in one line.
        """
        path = self._path(result.article.id)
        # dumps, not dump: only the one-shot encoder is json's C one (dump writes piece by piece in Python).
        text = json.dumps(result_to_json(result), ensure_ascii=False, separators=(",", ":"))
        try:
            with atomic_write(path, durable=False) as handle:
                handle.write(text)
        except OSError as exc:
            raise GraphbuildError(f"{self.folder}: cannot write the build cache ({exc.strerror or exc}); nothing "
                                  f"written, earlier output left unchanged: free some space, or pick another "
                                  f"folder with -o") from None


def read_manifest(out_dir: Path) -> list[Article]:
    """The articles (without bodies) an output folder's graph was built from, with their dates.

    Raises:
        GraphbuildError: when the folder holds no graphbuild build.
    """
    state = Path(out_dir) / STATE_DIR
    path = state / CURRENT / MANIFEST
    if not path.is_file():
        path = state / MANIFEST  # a folder built before builds were published as a whole
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Article(id=a["id"], source=a["source"], title=a["title"], body="", date=a.get("date", ""))
                for a in data["articles"]]
    except FileNotFoundError:
        raise GraphbuildError(f"{out_dir}: no earlier build to update; run graphbuild build without --update "
                              f"first") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise GraphbuildError(f"{path}: the build manifest is damaged; rebuild without --update") from exc


def write_manifest(folder: Path, articles: list[Article], model: str) -> None:
    """Record, in a build's folder, which articles its graph was built from."""
    data = {"graphbuild": __version__, "model": model,
            "articles": [{"id": a.id, "source": a.source, "title": a.title, "date": a.date} for a in articles]}
    with atomic_write(Path(folder) / MANIFEST) as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=1))
