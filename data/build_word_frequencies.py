"""Write ``word_frequencies.json``: how common, as ordinary words, the one-word place names are.

    .venv/bin/python data/build_word_frequencies.py

"Police", "Federal" and "Mobile" are towns and frequent words; "Tikrit" is only a town. The
frequencies (Zipf scale: log10 of occurrences per billion words) are those of the ``wordfreq``
package (pinned in ``data/requirements.txt``; its data are CC BY-SA 4.0, by Robyn Speer and
contributors), for the 100,000 most frequent words of English and of French, kept where the
capitalised word is a name of the embedded gazetteer and the word is at least as frequent as
``MIN_ZIPF``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.gazetteer.embedded import load_embedded_gazetteer

WORDS_PER_LANGUAGE = 100_000
MIN_ZIPF = 3.0  # about one in a million words; rarer words are read as names only
OUT = Path(__file__).resolve().parent / "word_frequencies.json"


def frequencies(lang: str, gazetteer) -> dict[str, float]:
    """Zipf frequency of each frequent word of ``lang`` that the gazetteer knows as a name."""
    found = {}
    for word in top_n_list(lang, WORDS_PER_LANGUAGE):
        if word.isalpha() and len(word) > 1 and gazetteer.lookup(word.capitalize()):
            zipf = zipf_frequency(word, lang)
            if zipf >= MIN_ZIPF:
                found[word] = zipf
    return found


def main() -> None:
    gazetteer = load_embedded_gazetteer()
    data = {
        "_about": "Zipf frequencies (log10 per billion words) of lower-case words that are also"
        " one-word place names, from the wordfreq package (data CC BY-SA 4.0), written by"
        " data/build_word_frequencies.py.",
        **{lang: frequencies(lang, gazetteer) for lang in ("en", "fr")},
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(data['en'])} English and {len(data['fr'])} French words written to {OUT}")


if __name__ == "__main__":
    main()
