"""Worst-child-up status propagation."""

from collections.abc import Iterable

from app.services.system.models import ComponentStatus, ComponentStatusType


def propagate_status(statuses: Iterable[ComponentStatusType]) -> ComponentStatusType:
    """Return the worst status: UNHEALTHY > WARNING > INFO > HEALTHY; HEALTHY when empty."""
    return max(statuses, key=lambda status: status.severity, default=ComponentStatusType.HEALTHY)


def propagate_tree(component: ComponentStatus) -> ComponentStatus:
    """Give every node the worst of its own status and its children's, bottom-up.

    A check may report HEALTHY while one of its children is not; the tree must still
    tell the truth at every level.
    """
    if not component.children:
        return component
    children = [propagate_tree(child) for child in component.children]
    status = propagate_status([component.status, *(child.status for child in children)])
    return component.model_copy(update={"status": status, "children": children})
