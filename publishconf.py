"""Settings for the published site: the sample's pelicanconf plus nothing
site-specific yet (links stay relative so any mirror can serve the output)."""
import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F403
