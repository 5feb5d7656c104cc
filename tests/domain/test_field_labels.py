"""The field-label blocks (domain.fields): one per register, merged into one table, so a name two registers
both use must read the same in both (else one silently wins); an item of a list reads as that item's field."""

from __future__ import annotations

from gridkeeper.domain import fields
from gridkeeper.domain.errors import ValueRuleError


def test_a_name_in_two_register_blocks_reads_the_same_in_both():
    blocks = {name: value for name, value in vars(fields).items()
              if name.startswith("_") and name[1:].isupper() and isinstance(value, dict)}
    assert "_HAZARDS" in blocks and "_RENTALS" in blocks
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for block, labels in blocks.items():
        for field, label in labels.items():
            if field in seen and seen[field][1] != label:
                clashes.append(f"{field}: {seen[field][0]} {seen[field][1]} / {block} {label}")
            seen.setdefault(field, (block, label))
    assert clashes == []  # put the other meaning in TABLE_LABELS under its table


def test_an_item_of_a_list_reads_as_that_items_field():
    key = fields.item_field("hazards", 2, "deadline")
    assert key == "hazards.2.deadline"
    assert fields.field_label(key, "safety_hazard") == "第2条隐患：整改期限"
    assert str(ValueRuleError(key, "不能早于发现日期", table="safety_hazard")) == "第2条隐患：整改期限：不能早于发现日期"
    assert fields.field_label("hazards.x.level") == "hazards.x.level"  # not an item key: shown as it is
