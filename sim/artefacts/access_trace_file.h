// SPDX-License-Identifier: Apache-2.0
#pragma once
// The access trace file (`ipcsim run --access-trace`, read by `ipcsim conform`): a cluster's
// accesses to shared memory and its cache maintenance, one per line, in program order
// (sim/run/access_trace.h records them).

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace sim::app {

struct SharedAccess {
  enum class Op : std::uint8_t { kRead, kWrite, kClean, kInvalidate, kCleanInvalidate };
  Op op = Op::kRead;
  std::uint64_t addr = 0; ///< maintenance: the first line
  std::uint64_t size = 0; ///< maintenance: the lines' bytes
  std::uint64_t time_ps = 0;
  std::string name;     ///< `vring1.used.idx`, `buf[3].payload+16`, or the address in hex
  std::string site;     ///< maintenance: who asked (`fw:metal_machine_cache_invalidate`)
  bool cached = true;   ///< access: through the D-cache (false: non-cacheable mapping)
  bool skipped = false; ///< maintenance suppressed by a skip_maintenance fault
  std::string value;    ///< access: the first bytes read or written, hex, little-endian
  bool maintenance() const { return op != Op::kRead && op != Op::kWrite; }
};

/// "read", "write", "clean", "invalidate", "clean+invalidate".
const char* op_name(SharedAccess::Op op);
std::optional<SharedAccess::Op> parse_op(const std::string& name);

/// Tab-separated, one access per line after a header: time_ps op addr size name cached|skipped
/// value site.
void write_access_trace(std::ostream& out, const std::vector<SharedAccess>& accesses);
/// Reads what write_access_trace wrote; throws artefacts::ArtefactError "FILE:LINE: ..." for
/// anything else.
std::vector<SharedAccess> read_access_trace(std::istream& in, const std::string& file);

} // namespace sim::app
