// SPDX-License-Identifier: Apache-2.0
#pragma once
// One fault of a scenario and what it did (sim/scenario/faults.h parses and arms them).

#include <cstdint>
#include <string>
#include <vector>

#include "models/common/units.h"

namespace sim::app {

enum class FaultKind {
  kSkipCacheOp,
  kMailbox,
  kDoubleTxBuffer,
  kIgnoreVqIrqWhenAttached,
  kLinuxCacheable,
  kRscOffset,
  kUnmapRegion,
  kRemoteBootsLate,
  kRemoteRestarts,
};

/// The scenario key of a kind (`skip_cache_op`, ...).
const char* fault_kind_name(FaultKind kind);

struct FaultSpec {
  FaultKind kind = FaultKind::kSkipCacheOp;
  std::string cluster;
  std::string site;
  unsigned nth = 0;        ///< 0: every occurrence
  std::string action;      ///< mailbox: drop, duplicate, delay
  std::string direction;   ///< mailbox: master_to_remote, remote_to_master
  Picoseconds delay = 0;   ///< mailbox delay
  std::string region;      ///< unmap_region: the MMU region's name
  std::uint64_t value = 0; ///< rsc_offset: the offset Linux uses
  Picoseconds at = 0;      ///< remote_boots_late: when the image starts; remote_restarts: reset
  Picoseconds reboot = 0;  ///< remote_restarts: from the reset to the image running again
};

struct FaultRecord {
  FaultSpec spec;
  std::string description;       ///< "skip_cache_op remote/tx_buffer_flush (every call)"
  std::uint64_t occurrences = 0; ///< how often the faulted operation was reached
  std::vector<Picoseconds> fired;
};

} // namespace sim::app
