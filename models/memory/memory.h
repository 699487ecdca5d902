// SPDX-License-Identifier: Apache-2.0
#pragma once
// Public header of the memory component: the DRAM bank target (`Memory`), its configuration,
// storage and observer interface.

#include <cstdint>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "models/memory/memory_config.h"
#include "models/memory/memory_observer.h"
#include "models/memory/memory_store.h"

namespace sim::models {

struct MemoryStats {
  std::uint64_t reads = 0;
  std::uint64_t writes = 0;
  std::uint64_t bytes_read = 0;
  std::uint64_t bytes_written = 0;
  std::uint64_t dmi_grants = 0;
  std::uint64_t dmi_denied = 0; ///< DMI requests refused (denied range or out of bounds)
};

// A DRAM bank: a TLM-2.0 LT target over a MemoryStore, seeing local offsets (the router subtracts
// the base).
// Timing: every read adds `read_latency` and every write `write_latency` to the annotated delay,
// whatever the length; there are no banks, rows, refresh or contention.
// TLM: b_transport (byte enables supported, streaming width < length is a burst error),
// transport_dbg (no timing, no observers), DMI read/write with the same latencies: the whole bank
// when contiguous, one 4 KiB page when sparse, never covering a range passed to deny_dmi(), so
// every access there stays a visible transaction.
// Observers get accesses through b_transport only (not debug, not DMI, not the loaders): a range
// that must be fully observed also needs deny_dmi(). With no observer the cost is one branch per
// transaction.
class Memory : public sc_core::sc_module {
public:
  tlm_utils::simple_target_socket<Memory> in;

  /// The SystemC object is named `cfg.name`.
  explicit Memory(const MemoryConfig& cfg);

  /// Loaders for tests and scenarios: write storage directly, no timing, no observers.
  void load_image(const std::string& path, std::uint64_t offset = 0);
  void load_bytes(std::uint64_t offset, const void* data, std::size_t len);

  /// Refuses DMI for [offset, offset+size); already granted pointers into it are invalidated.
  void deny_dmi(std::uint64_t offset, std::uint64_t size);
  /// Global address of offset 0, used only in observer reports (set by the platform).
  void set_report_base(std::uint64_t base) { report_base_ = base; }
  std::uint64_t report_base() const { return report_base_; }
  /// Reports b_transport accesses overlapping [offset, offset+size) to `observer` (with the
  /// whole access, not clipped). DMI is not affected: combine with deny_dmi() where needed.
  void add_observer(MemoryObserver* observer, std::uint64_t offset, std::uint64_t size);
  void remove_observer(MemoryObserver* observer);

  const MemoryConfig& config() const { return cfg_; }
  const MemoryStats& stats() const { return stats_; }
  const MemoryStore& store() const { return store_; }
  MemoryStore& store() { return store_; }

private:
  struct Range {
    std::uint64_t first;
    std::uint64_t last;
  };
  struct Watch {
    MemoryObserver* observer;
    Range range;
  };

  Memory(const sc_core::sc_module_name& name, const MemoryConfig& cfg);

  void b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay);
  unsigned transport_dbg(tlm::tlm_generic_payload& p);
  bool get_direct_mem_ptr(tlm::tlm_generic_payload& p, tlm::tlm_dmi& dmi);

  Range checked_range(std::uint64_t offset, std::uint64_t size, const char* what) const;
  bool dmi_blocked(std::uint64_t first, std::uint64_t last) const;
  void notify(const tlm::tlm_generic_payload& p);

  MemoryConfig cfg_;
  MemoryStore store_;
  sc_core::sc_time read_latency_;
  sc_core::sc_time write_latency_;
  std::uint64_t report_base_ = 0;
  std::vector<Range> dmi_denied_;
  std::vector<Watch> watches_;
  MemoryStats stats_;
};

} // namespace sim::models
