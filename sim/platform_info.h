// SPDX-License-Identifier: Apache-2.0
#pragma once
// What each side's software is told about the board (its device tree, in effect).

#include <string>

#include "models/platform/board_config.h"
#include "sw/platform_info.h"

namespace sim::app {

sw::PlatformInfo platform_info(const models::BoardConfig& board, const std::string& side,
                               std::uint64_t seed);

} // namespace sim::app
