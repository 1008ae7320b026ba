"""The signals around publication.

``before_publish``: the signal checks connect to, to stop a finished build
from being published. Sent with the Pelican object once every page is
written, before the swap. A receiver that finds the site unfit reports why
and raises ``SystemExit``: the previous output then stays as it was.

``published``: sent with the Pelican object once the build is the published
site (after the swap).
"""
from blinker import signal

before_publish = signal("gongkai.before_publish")
published = signal("gongkai.published")
