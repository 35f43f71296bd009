#!/bin/bash
# Stop the service if it is running (the first deployment has nothing to stop).
systemctl stop shop.service || true
