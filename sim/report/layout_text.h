// SPDX-License-Identifier: Apache-2.0
#pragma once
// `ipcsim layout`: the shared-memory map both sides must agree on, and how each side maps it.

#include <string>

#include "models/platform/board_config.h"

namespace sim::app {

std::string layout_text(const models::BoardConfig& board);

} // namespace sim::app
