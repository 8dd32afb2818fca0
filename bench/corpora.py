"""Readers of the gold-standard geoparsing corpora in ../shared/benchmarks/geoparsing (read in place, never copied)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "geoparsing"
# GeoWebNews types that name a place with coordinates; the others (demonyms, languages,
# homonyms, expressions) are not toponyms, and a prediction on them is neither right nor wrong.
GWN_TOPONYM_TYPES = {
    "Literal",
    "Mixed",
    "Metonymic",
    "Coercion",
    "Literal_Modifier",
    "Non_Literal_Modifier",
    "Embedded_Literal",
    "Embedded_Non_Lit",
}


@dataclass(frozen=True)
class Toponym:
    """A gold toponym: its span and, when annotated, its coordinates."""

    start: int
    end: int
    mention: str
    lat: float | None
    lon: float | None


@dataclass
class Document:
    """A gold document: text, toponyms, and spans where predictions are not judged."""

    doc_id: str
    text: str
    toponyms: list[Toponym]
    ignored: list[tuple[int, int]] = field(default_factory=list)
    lang: str = "en"


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _realign(
    text: str, start: int, end: int, mention: str, window: int = 5
) -> tuple[int, int] | None:
    """The span of ``mention`` within ``window`` characters of the given one (TR-News offsets drift)."""
    if text[start:end] == mention:
        return start, end
    for shift in range(1, window + 1):
        for s in (start - shift, start + shift):
            if s >= 0 and text[s : s + len(mention)] == mention:
                return s, s + len(mention)
    return None


def lgl_like(path: Path, realign: bool = False) -> Iterator[Document]:
    """LGL and TR-News: ``<article>`` with ``<text>`` and ``<toponym>`` (start, end, phrase, gaztag lat/lon)."""
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            mention = (t.findtext("phrase") or "").strip()
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            span = _realign(text, start, end, mention) if realign else (start, end)
            if span is None:
                continue
            gaz = t.find("gaztag")
            lat = _float(gaz.findtext("lat")) if gaz is not None else None
            lon = _float(gaz.findtext("lon")) if gaz is not None else None
            toponyms.append(Toponym(span[0], span[1], mention, lat, lon))
        yield Document(article.get("docid") or str(len(text)), text, toponyms)


def geovirus(path: Path) -> Iterator[Document]:
    """GeoVirus: offsets are shifted by one (the mention is ``text[start-1:end-1]``)."""
    for number, article in enumerate(ET.parse(path).getroot().iter("article")):
        text = article.findtext("text") or ""
        toponyms = [
            Toponym(
                int(loc.findtext("start")) - 1,
                int(loc.findtext("end")) - 1,
                loc.findtext("name") or "",
                _float(loc.findtext("lat")),
                _float(loc.findtext("lon")),
            )
            for loc in article.iter("location")
        ]
        yield Document(str(number), text, toponyms)


def geowebnews(path: Path) -> Iterator[Document]:
    """GeoWebNews dev half: toponym types with coordinates count; the other annotations are ignored spans."""
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        toponyms, ignored = [], []
        for t in article.iter("toponym"):
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            if t.findtext("type") in GWN_TOPONYM_TYPES:
                toponyms.append(
                    Toponym(
                        start,
                        end,
                        t.findtext("extractedName") or text[start:end],
                        _float(t.findtext("latitude")),
                        _float(t.findtext("longitude")),
                    )
                )
            else:
                ignored.append((start, end))
        yield Document(article.get("file") or "", text, toponyms, ignored)


def wiktor(path: Path) -> Iterator[Document]:
    """WikToR, rebuilt from EUPEG (``wiktor_derived.jsonl``)."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            toponyms = [
                Toponym(t["start"], t["end"], t["mention"], t["lat"], t["lon"])
                for t in row["toponyms"]
            ]
            yield Document(str(row["doc_id"]), row["text"], toponyms)


def hipe_french(folder: Path) -> Iterator[Document]:
    """HIPE-2022 French newspapers (CoNLL-like TSV): the text rebuilt from the tokens and their
    spacing flags, the literal ``loc`` entities as toponyms (no coordinates: recognition only)."""
    for path in sorted(folder.glob("*-fr.tsv")):
        document = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# hipe2022:document_id"):
                if document is not None:
                    yield document.finish()
                document = _TokenText(line.split("=", 1)[1].strip())
                continue
            cells = line.split("\t")
            if document is None or line.startswith("#") or len(cells) < 10 or cells[0] == "TOKEN":
                continue
            document.add(cells[0], cells[1].lower(), cells[9])
        if document is not None:
            yield document.finish()


class _TokenText:
    """A document rebuilt token by token, with the spans of its ``loc`` entities."""

    def __init__(self, doc_id: str):
        self.doc_id, self.text, self.toponyms = doc_id, "", []
        self.open_at: int | None = None
        self.token_end = 0

    def add(self, token: str, tag: str, misc: str) -> None:
        if not tag.startswith("i-loc"):
            self._close()
        # newseye marks a line end as NoSpaceAfter: two words never touch, nor does a word
        # that starts a line with the punctuation ending the line before
        last = self.text[-1:]
        if (last.isalnum() and token[:1].isalnum()) or (
            last != "" and last in ".,;:!?" and token[:1].isupper() and len(token) > 1
        ):
            self.text += "\n"
        if tag.startswith("b-loc"):
            self.open_at = len(self.text)
        self.text += token
        self.token_end = len(self.text)
        if "NoSpaceAfter" not in misc:
            self.text += "\n" if "EndOfSentence" in misc else " "

    def _close(self) -> None:
        if self.open_at is not None:
            start, end = self.open_at, self.token_end
            self.toponyms.append(Toponym(start, end, self.text[start:end], None, None))
            self.open_at = None

    def finish(self) -> Document:
        self._close()
        return Document(self.doc_id, self.text, self.toponyms, lang="fr")


PLACES_DEVSET = Path(__file__).resolve().parent / "devsets" / "places"


def places_devset(folder: Path = PLACES_DEVSET) -> Iterator[Document]:
    """This project's own short articles (``articles.jsonl``) with their gold (``gold.json``):
    no model is fitted on them."""
    gold = {a["id"]: a for a in json.loads((folder / "gold.json").read_text("utf-8"))["articles"]}
    for line in (folder / "articles.jsonl").read_text("utf-8").splitlines():
        article = json.loads(line)
        marked = gold[article["id"]]
        toponyms = [
            Toponym(t["start"], t["end"], t["mention"], t["lat"], t["lon"])
            for t in marked["toponyms"]
        ]
        ignored = [(i["start"], i["end"]) for i in marked["ignored"]]
        yield Document(article["id"], article["text"], toponyms, ignored, article["lang"])


CORPORA = {
    "LGL": lambda root: lgl_like(root / "LGL" / "lgl.xml"),
    "TR-News dev": lambda root: lgl_like(root / "TR-News" / "TR-News.xml", realign=True),
    "GeoVirus": lambda root: geovirus(root / "GeoVirus" / "GeoVirus.xml"),
    "GeoWebNews dev": lambda root: geowebnews(root / "GeoWebNews" / "GWN.xml"),
    "WikToR": lambda root: wiktor(root / "WikToR" / "wiktor_derived.jsonl"),
    "HIPE-2022 fr": lambda root: hipe_french(root / "HIPE-2022-fr"),
    "Places dev set (ours)": lambda root: places_devset(),
}
