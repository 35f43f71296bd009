#!/bin/bash
set -euo pipefail
systemctl start shop.service
