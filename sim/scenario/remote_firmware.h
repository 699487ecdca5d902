// SPDX-License-Identifier: Apache-2.0
#pragma once
// The remote's real firmware (issue 14): `remote.firmware` names an AArch64 ELF that the remote's
// ISS core runs (`clusters.remote.core.model: iss`). Read and checked when the scenario loads, so
// a bad file is an input error with its key, never a crash or a hang later: the file must be an
// AArch64 ELF, every loadable segment must lie in the core's private RAM or in a carve-out (the
// resource table is one), and the GIC windows must not overlap memory the core maps.

#include <memory>
#include <string>

#include "models/common/config/config_node.h"
#include "models/platform/board_config.h"
#include "sim/artefacts/firmware_elf.h"

namespace sim::app {

/// `at`: the `remote.firmware` key (errors name it); `file`: the path resolved. Throws
/// config::ConfigError.
std::shared_ptr<const artefacts::FirmwareImage>
load_remote_firmware(const config::ConfigNode& at, const std::string& file,
                     const models::BoardConfig& board);

} // namespace sim::app
