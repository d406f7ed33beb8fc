"""Models, one module per concern; imported here so Django finds them."""
from .attempts import AbuseReport, AccountStatus, Attempt, Label, StatusChange  # noqa: F401
from .velocity import VelocityBucket, VelocityMember  # noqa: F401
from .clusters import Cluster, ClusterMember, Link, LinkKey  # noqa: F401
from .jobs import ReviewJob  # noqa: F401
