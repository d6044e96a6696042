"""The registry: the seed's registration functions, replacement by name, and clear refusals."""

import pytest

from app.services.system import register_health_check, register_service_health_check
from app.services.system.models import ComponentStatus, ComponentStatusType
from app.services.system.registry import (
    CheckKind,
    HealthRegistrationError,
    HealthRegistry,
    registry,
)


async def first() -> ComponentStatus:
    return ComponentStatus(name="x", status=ComponentStatusType.HEALTHY, message="first")


async def second() -> ComponentStatus:
    return ComponentStatus(name="x", status=ComponentStatusType.HEALTHY, message="second")


def test_the_public_functions_fill_the_application_registry() -> None:
    register_health_check("cache", first)
    register_service_health_check("billing", second, timeout=0.5)

    checks = {check.name: check for check in registry.checks()}

    assert checks["cache"].kind is CheckKind.COMPONENT
    assert checks["billing"].kind is CheckKind.SERVICE
    assert checks["billing"].timeout == 0.5


def test_registering_a_name_again_replaces_the_first(registry: HealthRegistry) -> None:
    registry.register("x", first, kind=CheckKind.COMPONENT)
    registry.register("x", second, kind=CheckKind.COMPONENT)

    assert [check.check_fn for check in registry.checks()] == [second]


def test_a_component_and_a_service_may_not_share_a_name(registry: HealthRegistry) -> None:
    registry.register("shared", first, kind=CheckKind.COMPONENT)

    with pytest.raises(HealthRegistrationError, match="already registered as a component"):
        registry.register("shared", second, kind=CheckKind.SERVICE)


@pytest.mark.parametrize("timeout", [0, -1.0])
def test_a_non_positive_timeout_is_refused(registry: HealthRegistry, timeout: float) -> None:
    with pytest.raises(HealthRegistrationError, match="greater than 0"):
        registry.register("x", first, kind=CheckKind.COMPONENT, timeout=timeout)


def test_an_empty_name_or_non_callable_is_refused(registry: HealthRegistry) -> None:
    with pytest.raises(HealthRegistrationError, match="non-empty name"):
        registry.register("", first, kind=CheckKind.COMPONENT)
    with pytest.raises(HealthRegistrationError, match="not callable"):
        registry.register("x", "nope", kind=CheckKind.COMPONENT)  # type: ignore[arg-type]
