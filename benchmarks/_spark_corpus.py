"""A deterministic corpus of Korean financial news for the scale-out benchmark.

Written from our own sentence templates (company results, markets, FX, disclosures, tables);
``documents(n, seed)`` always gives the same documents for the same arguments.
"""

from __future__ import annotations

import random
from collections.abc import Callable

_COMPANIES = ["한빛전자", "대성중공업", "미래바이오", "서해화학", "동방금융지주", "누리소프트",
              "세진건설", "가온모빌리티", "청람식품", "바른에너지", "새솔반도체", "한울통신"]
_SECTORS = ["반도체", "2차전지", "바이오", "조선", "건설", "유통", "게임", "금융", "화학", "자동차"]
_UNITS = ["억원", "조원", "만 달러", "억 달러", "억 엔", "만 유로", "백만원"]
_HEDGES = ["약 ", "", "", "대략 ", ""]
_TAILS = ["", "", " 가량", " 안팎", " 이상", " 남짓", " 수준"]

_Gen = Callable[[random.Random], str]


def _money(r: random.Random) -> str:
    unit = r.choice(_UNITS)
    if unit == "조원":
        n = f"{r.randint(1, 60)}.{r.randint(1, 9)}" if r.random() < 0.5 else str(r.randint(1, 80))
    elif unit == "백만원":
        n = f"{r.randint(1, 999):,}{r.randint(0, 999):03d}"
    else:
        n = f"{r.randint(1, 9999):,}"
    return f"{r.choice(_HEDGES)}{n}{unit}{r.choice(_TAILS)}"


def _myriad(r: random.Random) -> str:
    return f"{r.randint(1, 9)}조{r.randint(1, 9999)}억원"


def _pct(r: random.Random) -> str:
    v = f"{r.randint(0, 40)}.{r.randint(0, 99):02d}".rstrip("0").rstrip(".")
    return f"{v}{r.choice(['%', '%', '퍼센트', '%포인트'])}"


def _range(r: random.Random) -> str:
    lo = r.randint(1, 50) * 100
    return f"{lo:,}억~{lo + r.randint(1, 9) * 100:,}억원"


def _shares(r: random.Random) -> str:
    return f"{r.randint(1, 999)}만주"


def _people(r: random.Random) -> str:
    return f"{r.randint(10, 4000):,}명"


_TEMPLATES: list[tuple[str, tuple[_Gen, ...]]] = [
    ("{c}는 올해 3분기 연결 기준 영업이익이 {0}으로 전년 동기 대비 {1} 증가했다고 밝혔다.", (_money, _pct)),
    ("같은 기간 매출액은 {0}을 기록해 시장 예상치를 {1} 웃돌았다.", (_money, _pct)),
    ("회사 측은 내년 {s} 부문 투자 규모를 {0}로 잡고 있다고 설명했다.", (_range,)),
    ("{c}는 {0} 규모의 유상증자를 결정했으며 신주 {1}를 발행한다.", (_money, _shares)),
    ("이날 코스피는 전 거래일보다 {0} 내린 채 마감했고 외국인은 {1}을 순매도했다.", (_pct, _money)),
    ("원·달러 환율은 {0} 오른 1,3{n}원에 거래를 마쳤다.", (_pct,)),
    ("증권가는 {c}의 내년 순이익을 {0}으로 추정하며 목표주가를 {1} 상향했다.", (_myriad, _pct)),
    ("{c}는 해외 법인에 {0}을 출자하기로 하고 이사회 승인을 받았다.", (_money,)),
    ("이번 계약 금액은 최근 매출액의 {0}에 해당하며 계약 기간은 2년이다.", (_pct,)),
    ("{s} 업종의 평균 배당수익률은 {0}로 지난해보다 {1} 높아졌다.", (_pct, _pct)),
    ("{c} 임직원 {0}이 참여한 우리사주 청약에는 {1}이 몰렸다.", (_people, _money)),
    ("한국은행은 기준금리를 {0}로 동결했으며 시장에서는 연내 {1} 인하를 점친다.", (_pct, _pct)),
    ("{c}의 부채비율은 {0}로 업계 평균보다 낮은 편이다.", (_pct,)),
    ("정부는 {s} 산업 지원을 위해 총 {0}의 예산을 편성했다.", (_money,)),
    ("수출은 전년 대비 {0} 늘어난 {1}로 집계됐다.", (_pct, _money)),
    ("{c}는 자사주 {0}를 소각하고 주당 {1}의 현금배당을 실시한다고 공시했다.", (_shares, _money)),
    ("분석가들은 {s} 시장 규모가 2030년까지 {0}에 이를 것으로 내다봤다.", (_money,)),
]

_FILLER = [
    "업계 관계자는 수요 회복 속도가 예상보다 빠르다고 말했다.",
    "다만 원자재 가격 변동성은 여전히 부담 요인으로 꼽힌다.",
    "회사는 위원회 심의를 거쳐 구체적인 일정을 확정할 계획이다.",
    "투자자들은 하반기 실적 발표를 앞두고 관망세를 보였다.",
    "시장에서는 경쟁 심화에 따른 수익성 악화 우려가 제기됐다.",
    "이에 대해 회사 측은 원가 절감으로 대응하겠다는 입장이다.",
]


def _table(r: random.Random) -> str:
    rows = [f"{name} {r.randint(100, 99999):,} {r.randint(100, 99999):,}"
            for name in ("매출액", "영업이익", "당기순이익")]
    return "(단위: 억원)\n구분 2023년 2024년\n" + "\n".join(rows) + "\n"


def document(r: random.Random, sentences: int) -> str:
    c, s = r.choice(_COMPANIES), r.choice(_SECTORS)
    out = []
    for _ in range(sentences):
        if r.random() < 0.3:
            out.append(r.choice(_FILLER))
            continue
        template, gens = r.choice(_TEMPLATES)
        args = [g(r) for g in gens]
        out.append(template.format(*args, c=c, s=s, n=r.randint(10, 99)))
    text = " ".join(out)
    if r.random() < 0.1:
        text += "\n" + _table(r)
    return text


def documents(n: int, *, seed: int = 7, mean_sentences: int = 16) -> list[str]:
    """``n`` documents, deterministic for the same ``n``, ``seed`` and ``mean_sentences``."""
    r = random.Random(seed)
    return [document(r, max(1, int(r.expovariate(1 / mean_sentences)) + 1)) for _ in range(n)]
