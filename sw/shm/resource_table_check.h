// SPDX-License-Identifier: Apache-2.0
#pragma once
// Linux's sanity checks on a resource table (rpmsg-protocol.md §1; remoteproc_elf_loader's table
// lookup and rproc_handle_resources with its handlers), applied to a copy of the table's bytes
// before anything trusts it. The first failing check wins, in Linux's order; the message names
// the absolute address and the value found so a scenario log points straight at the bad byte.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sw/hal/hal.h"

namespace sim::sw::shm {

struct RscCheckResult {
  bool ok = true;
  std::string error;        ///< e.g. "resource table version 2 at 0x200c63b8, expected 1"
  std::uint32_t offset = 0; ///< table offset of the offending field (when !ok)
  /// Entries Linux skips with a warning ("unsupported resource N"): the table is still usable.
  std::vector<std::string> warnings;
};

/// Checks `size` bytes of a table that lives at `base` (used only for messages):
/// - header present, ver == 1, reserved[] == 0, offset[num] inside the table;
/// - each entry's type word inside the table; types Linux has no handler for (RSC_LAST and up,
///   outside the vendor range) are skipped with a warning, as rproc_handle_resources does;
/// - carveout/devmem/trace bodies inside the table;
/// - vdev: fixed part, vring[num_of_vrings] and config_len inside the table, reserved bytes 0,
///   at most 2 vrings, and every vring with num != 0 and align != 0.
RscCheckResult validate_resource_table(const std::uint8_t* bytes, std::size_t size,
                                       hal::Addr base = 0);

} // namespace sim::sw::shm
