"""Check a mirror copy of the site against its manifest.

    make verify-mirror DIR=/srv/www/xxgk                  # against DIR/manifest.json
    make verify-mirror DIR=/srv/www/xxgk MANIFEST=output/manifest.json

Lists missing, changed and extra files (a chunk of the manifest that does not
match its hash counts as a problem too); exits 1 when anything differs.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from mirror_publish.manifest import ROOT_NAME, verify

LABELS = {"missing": "缺少", "changed": "内容不同", "extra": "多余", "broken manifest chunks": "清单分块损坏或缺失"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=Path, help="the mirror's folder")
    ap.add_argument("--manifest", type=Path, default=None, help=f"root manifest (default: DIR/{ROOT_NAME})")
    args = ap.parse_args()
    manifest = args.manifest or args.dir / ROOT_NAME
    if not manifest.is_file():
        print(f"{manifest}: 没有找到文件清单", file=sys.stderr)
        return 2
    result = verify(args.dir, manifest)
    problems = 0
    for kind, paths in result.items():
        for path in paths:
            print(f"{LABELS[kind]}\t{path}")
        problems += len(paths)
    if problems:
        print(f"镜像与清单不一致：{problems} 处差异", file=sys.stderr)
        return 1
    print(f"镜像与清单一致：{manifest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
