"""Compare language identifiers on the BBC corpus (all English) and on short texts of known language.

Usage:
    python benchmarks/langid.py py3langid|lingua|lingua-low [CHARS] [--corpus ../shared/corpora/bbc]

``lingua`` needs ``pip install lingua-language-detector`` (graphbuild does not depend on it).
Each text is cut to its first CHARS characters (600, as graphbuild reads them, by default).
Prints each short case's verdict, then how many BBC articles came out English, the time and peak memory.
"""
from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

#: Short texts, and whether each is English.
CASES = {
    "chinese": ("北京市政府周一宣布了新的城市交通规划。", False),
    "japanese": ("東京都は月曜日に新しい交通計画を発表した。", False),
    "korean": ("서울시는 월요일에 새로운 교통 계획을 발표했다.", False),
    "russian": ("Правительство объявило о новых мерах в понедельник.", False),
    "arabic": ("أعلنت الحكومة عن إجراءات جديدة يوم الاثنين.", False),
    "french": ("Le gouvernement a annoncé lundi de nouvelles mesures pour les transports.", False),
    "german": ("Die Regierung hat am Montag neue Maßnahmen für den Verkehr angekündigt.", False),
    "spanish": ("El gobierno anunció el lunes nuevas medidas para el transporte público.", False),
    "portuguese": ("O governo anunciou na segunda-feira novas medidas para os transportes.", False),
    "meal plan": ("Weekly meal plan\nMonday: oatmeal with berries; grilled chicken salad; salmon, rice and broccoli\n"
                  "Tuesday: yogurt and granola; lentil soup; beef stir-fry with peppers\n"
                  "Wednesday: scrambled eggs on toast; tuna wrap; pasta with tomato sauce\n"
                  "Shopping list: eggs, milk, spinach, garlic, onions, lemons, oats, rice", True),
    "box scores": ("Harbour Hawks 112, Valley Foxes 108\nHAW: Okafor 31 pts 8 reb 9 ast; Lindqvist 24 pts 12 reb\n"
                   "VAL: Moreau 29 pts 7 reb; Brandt 22 pts; Silva 14 pts 5 ast\nFG: HAW 44-89, VAL 41-90. "
                   "3PT: HAW 12-33, VAL 15-41. FT: HAW 12-15, VAL 11-14.\nAttendance: 18,997", True),
    "sentence": ("The minister resigned on Monday after the vote.", True),
    "headline": ("Port strike ends after pay deal", True),
}


def py3langid_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return identifier.classify


def lingua_identifier(low_accuracy: bool):
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages()
    detector = (builder.with_low_accuracy_mode() if low_accuracy else builder).build()

    def classify(text: str) -> tuple[str, float]:
        top = detector.compute_language_confidence_values(text)[0]
        return top.language.iso_code_639_1.name.lower(), top.value
    return classify


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", choices=["py3langid", "lingua", "lingua-low"])
    parser.add_argument("chars", nargs="?", type=int, default=600)
    parser.add_argument("--corpus", default=str(Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"))
    args = parser.parse_args()
    started = time.perf_counter()
    classify = py3langid_identifier() if args.library == "py3langid" else lingua_identifier(args.library == "lingua-low")
    load = time.perf_counter() - started
    right = 0
    for name, (text, english) in CASES.items():
        code, probability = classify(text)
        right += (code == "en") == english
        print(f"  {name:11} {'English' if english else 'other':7} -> {code} {probability:.3f}")
    files = sorted(Path(args.corpus).glob("*/*.txt"))
    started = time.perf_counter()
    verdicts = [classify(path.read_text(encoding="utf-8", errors="replace")[:args.chars]) for path in files]
    seconds = time.perf_counter() - started
    english = [p for code, p in verdicts if code == "en"]
    print(f"{args.library}: short cases {right}/{len(CASES)}; BBC {len(english)}/{len(files)} English "
          f"(lowest {min(english, default=0):.3f}) in {seconds:.1f} s; model load {load:.2f} s; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    main()
