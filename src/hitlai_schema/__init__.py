"""SQLAlchemy models of the HitlAI Phase-5 schema; `metadata` is what the migrations build.

The names below load on first use (`from hitlai_schema import TestRun`, `hitlai_schema.metadata`):
migrations and the command line import this package for its submodules and never pay for
mapping the models.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import MetaData

    from hitlai_schema.models.alignment import (
        AGICapabilityMilestone,
        AGISafetyDecision,
        AIAlignmentMetric,
        AIInferenceLog,
        BiasDetectionResult,
        ConstitutionalRule,
        ConstitutionalViolation,
        HumanCorrection,
        QualityGateCheck,
        RedTeamTest,
        RedTeamVulnerability,
    )
    from hitlai_schema.models.api_health import (
        APIAlertHistory,
        APIAlertRule,
        APIEndpointConfig,
        APIHealthMetric,
        APIIncident,
        APIIncidentUpdate,
        APIMaintenanceWindow,
        APIStatusSubscription,
        APIUptimeSummary,
    )
    from hitlai_schema.models.base import Base
    from hitlai_schema.models.core import Company, HumanTester, TestRequest, TestRun, UserSession
    from hitlai_schema.models.enums import AICapabilityLevel, AIModelProvider, PlatformType, TesterCategory, TestStatus
    from hitlai_schema.models.monitoring import (
        AgentExecution,
        APICallLog,
        APIRateLimit,
        CircuitBreakerEvent,
        PerformanceMetric,
        SecurityIncident,
        SystemHealthCheck,
        VelocityAnalysis,
    )
    from hitlai_schema.models.session_recording import (
        ClickEvent,
        ConsoleLog,
        ElementVisibility,
        FormInteraction,
        JavascriptError,
        KeyboardEvent,
        MouseMovement,
        NetworkRequest,
        PagePerformance,
        RageClickIncident,
        ScrollEvent,
        VisibilityChange,
    )
    from hitlai_schema.models.tester_categorization import (
        AICapabilityBenchmark,
        AIModelCapability,
        AITesterAssignmentPreference,
        AITesterPerformance,
        AITesterPricing,
        AIVsHumanComparison,
    )
    from hitlai_schema.runtime.database import MigrationError, create_engine, database_url

    metadata: MetaData

# The modules that hold the names in __all__; the model modules are loaded together because
# their relationships name each other's classes.
_SOURCE_MODULES = (
    "hitlai_schema.models.alignment",
    "hitlai_schema.models.api_health",
    "hitlai_schema.models.base",
    "hitlai_schema.models.core",
    "hitlai_schema.runtime.database",
    "hitlai_schema.models.enums",
    "hitlai_schema.models.monitoring",
    "hitlai_schema.models.session_recording",
    "hitlai_schema.models.tester_categorization",
)


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    modules = [importlib.import_module(module_name) for module_name in _SOURCE_MODULES]
    exported = {"metadata": importlib.import_module("hitlai_schema.models.base").Base.metadata}
    for public_name in __all__:
        if public_name not in exported:
            exported[public_name] = next(vars(m)[public_name] for m in modules if public_name in vars(m))
    globals().update(exported)
    return exported[name]


__all__ = [
    "AGICapabilityMilestone",
    "AGISafetyDecision",
    "AIAlignmentMetric",
    "AICapabilityBenchmark",
    "AICapabilityLevel",
    "AIInferenceLog",
    "AIModelCapability",
    "AIModelProvider",
    "AITesterAssignmentPreference",
    "AITesterPerformance",
    "AITesterPricing",
    "AIVsHumanComparison",
    "APIAlertHistory",
    "APIAlertRule",
    "APICallLog",
    "APIEndpointConfig",
    "APIHealthMetric",
    "APIIncident",
    "APIIncidentUpdate",
    "APIMaintenanceWindow",
    "APIRateLimit",
    "APIStatusSubscription",
    "APIUptimeSummary",
    "AgentExecution",
    "Base",
    "BiasDetectionResult",
    "CircuitBreakerEvent",
    "ClickEvent",
    "Company",
    "ConsoleLog",
    "ConstitutionalRule",
    "ConstitutionalViolation",
    "ElementVisibility",
    "FormInteraction",
    "HumanCorrection",
    "HumanTester",
    "JavascriptError",
    "KeyboardEvent",
    "MigrationError",
    "MouseMovement",
    "NetworkRequest",
    "PagePerformance",
    "PerformanceMetric",
    "PlatformType",
    "QualityGateCheck",
    "RageClickIncident",
    "RedTeamTest",
    "RedTeamVulnerability",
    "ScrollEvent",
    "SecurityIncident",
    "SystemHealthCheck",
    "TestRequest",
    "TestRun",
    "TestStatus",
    "TesterCategory",
    "UserSession",
    "VelocityAnalysis",
    "VisibilityChange",
    "create_engine",
    "database_url",
    "metadata",
]
