"""Status propagation: the worst status wins, UNHEALTHY > WARNING > INFO > HEALTHY."""

import itertools

import pytest

from app.services.system.health import propagate_status, propagate_tree
from app.services.system.models import ComponentStatus, ComponentStatusType

HEALTHY, INFO, WARNING, UNHEALTHY = (
    ComponentStatusType.HEALTHY,
    ComponentStatusType.INFO,
    ComponentStatusType.WARNING,
    ComponentStatusType.UNHEALTHY,
)
ORDER = [HEALTHY, INFO, WARNING, UNHEALTHY]


@pytest.mark.parametrize(("first", "second"), list(itertools.product(ORDER, repeat=2)))
def test_every_pair_propagates_to_the_worse(
    first: ComponentStatusType, second: ComponentStatusType
) -> None:
    expected = ORDER[max(ORDER.index(first), ORDER.index(second))]
    assert propagate_status([first, second]) is expected


def test_no_children_is_healthy() -> None:
    assert propagate_status([]) is HEALTHY


def test_values_are_the_documented_strings() -> None:
    assert [status.value for status in ORDER] == ["healthy", "info", "warning", "unhealthy"]


def test_a_parent_reports_its_worst_descendant() -> None:
    leaf = ComponentStatus(name="leaf", status=UNHEALTHY, message="down")
    middle = ComponentStatus(name="middle", status=INFO, message="ok", children=[leaf])
    root = ComponentStatus(name="root", status=HEALTHY, message="ok", children=[middle])

    propagated = propagate_tree(root)

    assert propagated.status is UNHEALTHY
    assert propagated.children[0].status is UNHEALTHY
    assert root.status is HEALTHY, "the original is left untouched"


def test_a_parent_keeps_its_own_status_when_worse_than_its_children() -> None:
    child = ComponentStatus(name="child", status=HEALTHY, message="ok")
    parent = ComponentStatus(name="parent", status=WARNING, message="slow", children=[child])

    assert propagate_tree(parent).status is WARNING
