"""Fraud campaign archetypes, each a parameterised cohort drawn from published tactics.

``CAMPAIGNS`` maps the archetype name (the ``campaign`` key of its events) to
its class; ``simulate(campaigns=...)`` selects from it.
"""

from __future__ import annotations

from ..cohort import Cohort
from .base import Campaign
from .farms import AdaptiveCampaign, DatacenterFlood, EmulatorFarm, HydraFarm
from .humans import CaptchaFarm, FreeTierCycler, GeoEvasion
from .logins import AccountTakeover, CredentialStuffing
from .stealth import CamouflagedCluster, ResidentialLowAndSlow

CAMPAIGNS: dict[str, type[Cohort]] = {
    cls.name: cls
    for cls in (HydraFarm, DatacenterFlood, ResidentialLowAndSlow, FreeTierCycler, EmulatorFarm, CaptchaFarm,
                CamouflagedCluster, GeoEvasion, AdaptiveCampaign, CredentialStuffing, AccountTakeover)
}

__all__ = ["CAMPAIGNS", "Campaign"] + [cls.__name__ for cls in CAMPAIGNS.values()]
