"""Start-up registration: find every component and service and run its registration hook.

A folder under ``app/components`` or ``app/services`` takes part by having a ``health.py``
(imported, so module-level registrations run) and/or a ``register_health_checks()``
function in its ``__init__.py`` (called). Adding a folder is enough: nothing here is edited.
"""

import importlib
import importlib.util
import pkgutil
from types import ModuleType

import app.components
import app.services

HOOK_NAME = "register_health_checks"
CORE_PACKAGE = "app.services.system"


def _packages(parent: ModuleType) -> list[str]:
    return sorted(
        f"{parent.__name__}.{info.name}"
        for info in pkgutil.iter_modules(parent.__path__)
        if info.ispkg and f"{parent.__name__}.{info.name}" != CORE_PACKAGE
    )


def register_package(package_name: str) -> bool:
    """Import a package's ``health`` module and call its hook; True if it took part."""
    package = importlib.import_module(package_name)
    took_part = False
    if importlib.util.find_spec(f"{package_name}.health") is not None:
        importlib.import_module(f"{package_name}.health")
        took_part = True
    hook = getattr(package, HOOK_NAME, None)
    if callable(hook):
        hook()
        took_part = True
    return took_part


def register_all_health_checks() -> list[str]:
    """Run every component's and service's registration; return the packages that took part."""
    return [
        name
        for parent in (app.components, app.services)
        for name in _packages(parent)
        if register_package(name)
    ]
