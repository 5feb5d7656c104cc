"""How property companies are ranked for the red and black list (红黑榜): thresholds, score and lists."""

from __future__ import annotations

from dataclasses import dataclass

from gridkeeper.domain.errors import ValueRuleError

RED, BLACK, MIDDLE, TOO_FEW = "red", "black", "middle", "too_few"


@dataclass(frozen=True)
class Thresholds:
    """The user's rules: below either rate is the black list; fewer requests than `min_requests` is not
    judged; the best `red_count` of the rest are the red list."""

    on_time_below: float = 80.0
    satisfaction_below: float = 85.0
    min_requests: int = 5
    red_count: int = 3

    def __post_init__(self) -> None:
        for name, value, low, high in (("on_time_below", self.on_time_below, 0, 100),
                                       ("satisfaction_below", self.satisfaction_below, 0, 100),
                                       ("min_requests", self.min_requests, 1, 10_000),
                                       ("red_count", self.red_count, 1, 100)):
            if not isinstance(value, (int, float)) or not low <= value <= high:
                raise ValueRuleError(name, f"应在 {low} 到 {high} 之间，实际为 {value}")

    def to_dict(self) -> dict:
        return {"on_time_below": self.on_time_below, "satisfaction_below": self.satisfaction_below,
                "min_requests": self.min_requests, "red_count": self.red_count}

    @classmethod
    def from_dict(cls, data: dict) -> "Thresholds":
        base = cls()
        return cls(on_time_below=float(data.get("on_time_below", base.on_time_below)),
                   satisfaction_below=float(data.get("satisfaction_below", base.satisfaction_below)),
                   min_requests=int(data.get("min_requests", base.min_requests)),
                   red_count=int(data.get("red_count", base.red_count)))

    def basis(self) -> str:
        """The basis of the ranking in one sentence, as printed on the poster."""
        return (f"按期办结率与居民满意度各占一半计分排名；受理诉求不足{self.min_requests}件的不参与排名；"
                f"按期办结率低于{_pct(self.on_time_below)}或满意度低于{_pct(self.satisfaction_below)}的列入黑榜，"
                f"其余得分前{self.red_count}名列入红榜。")


def _pct(value: float) -> str:
    return f"{value:g}%"


def score(on_time_percent: float | None, satisfaction_percent: float | None) -> float | None:
    """Half on-time rate, half satisfaction; a company nobody rated is scored on its on-time rate alone."""
    rates = [r for r in (on_time_percent, satisfaction_percent) if r is not None]
    return round(sum(rates) / len(rates), 1) if rates else None


def is_below(thresholds: Thresholds, on_time_percent: float | None, satisfaction_percent: float | None) -> bool:
    """Below either threshold (a rate that could not be measured is not held against the company)."""
    return ((on_time_percent is not None and on_time_percent < thresholds.on_time_below)
            or (satisfaction_percent is not None and satisfaction_percent < thresholds.satisfaction_below))


def place(thresholds: Thresholds, *, received: int, on_time_percent: float | None,
          satisfaction_percent: float | None) -> str:
    """TOO_FEW, BLACK or (for now) MIDDLE; the best MIDDLE ones become RED once all are ranked."""
    if received < thresholds.min_requests or score(on_time_percent, satisfaction_percent) is None:
        return TOO_FEW
    return BLACK if is_below(thresholds, on_time_percent, satisfaction_percent) else MIDDLE
