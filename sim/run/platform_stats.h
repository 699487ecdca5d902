// SPDX-License-Identifier: Apache-2.0
#pragma once
// The models' own counters after a run (report.json `stats`): each cluster's D-cache and CPUs,
// and the mailbox per direction.

#include <nlohmann/json.hpp>

#include "models/platform/platform.h"

namespace sim::app {

nlohmann::ordered_json platform_stats(models::Platform& platform);

} // namespace sim::app
