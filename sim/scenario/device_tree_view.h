// SPDX-License-Identifier: Apache-2.0
#pragma once
// What each side's software is told about the board: the facts its device tree (Linux) or its
// devicetree overlay (Zephyr) would give it, as the sw layer's PlatformInfo.

#include <string>

#include "models/platform/board_config.h"
#include "sw/platform_info.h"

namespace sim::app {

sw::PlatformInfo device_tree_view(const models::BoardConfig& board, Side side, std::uint64_t seed);

} // namespace sim::app
