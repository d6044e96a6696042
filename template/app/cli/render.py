"""Rich rendering of a SystemStatus as a tree, for the terminal."""

from rich.text import Text
from rich.tree import Tree

from app.services.system.models import ComponentStatus, ComponentStatusType, SystemStatus

STATUS_STYLES = {
    ComponentStatusType.HEALTHY: "bold green",
    ComponentStatusType.INFO: "bold blue",
    ComponentStatusType.WARNING: "bold yellow",
    ComponentStatusType.UNHEALTHY: "bold red",
}


def _label(check: ComponentStatus) -> Text:
    label = Text.assemble(
        (check.name, "bold"),
        "  ",
        (check.status.value.upper(), STATUS_STYLES[check.status]),
        "  ",
        check.message,
    )
    if check.response_time_ms is not None:
        label.append(f"  ({check.response_time_ms:.1f} ms)", style="dim")
    return label


def _add(parent: Tree, check: ComponentStatus, detailed: bool) -> None:
    node = parent.add(_label(check))
    if detailed:
        for key, value in check.metadata.items():
            node.add(Text(f"{key}: {value}", style="dim"))
    for child in check.children:
        _add(node, child, detailed)


def render_tree(system: SystemStatus, title: str, *, detailed: bool = False) -> Tree:
    """The health tree: overall status, then components and services with their children."""
    root = Tree(
        Text.assemble(
            (title, "bold"),
            "  ",
            (system.status.value.upper(), STATUS_STYLES[system.status]),
            (f"  checked {system.checked_at:%Y-%m-%d %H:%M:%S %Z}", "dim"),
        )
    )
    for heading, checks in (("Components", system.components), ("Services", system.services)):
        if checks:
            branch = root.add(Text(heading, style="bold underline"))
            for check in checks.values():
                _add(branch, check, detailed)
    return root
