// SPDX-License-Identifier: Apache-2.0
#pragma once
// The applications a scenario can run on each side, by name, with their options parsed from the
// scenario's `apps:` list. Each entry becomes a software thread started at boot.

#include <functional>
#include <string>
#include <vector>

#include "models/common/config/config_node.h"
#include "models/platform/board_config.h"
#include "sw/hal/hal.h"
#include "sw/platform_info.h"

namespace sim::app {

struct AppInstance {
  std::string name;
  hal::ThreadSpec thread;
  std::function<void(hal::Hal&, const sw::PlatformInfo&)> main;
};

/// Parses one `apps:` item (`- shared_flag_reader: {invalidate: false}`) for `side`.
AppInstance parse_app(const config::ConfigNode& item, const std::string& side,
                      const models::BoardConfig& board);

/// Names of the applications a side can run.
std::vector<std::string> app_names(const std::string& side);

} // namespace sim::app
