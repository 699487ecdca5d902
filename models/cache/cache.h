// SPDX-License-Identifier: Apache-2.0
#pragma once
// Public header of the D-cache component: Cache, CacheConfig, CacheControl, CacheObserver and
// CacheStats.
//
// Cache: one non-coherent, per-cluster, set-associative D-cache that stores data. The cores of a
// cluster bind to `cpu_side`; `mem_side` goes to the system bus. Write-back/write-allocate by
// default (write-through optional: stores also go to memory and lines stay clean). Maintenance
// by range and by set/way with Arm semantics through CacheControl. Seeded adversarial options
// (random eviction, eviction on doorbell, no capacity eviction, speculative fills) expose
// missing maintenance reproducibly.
//
// Timing (loosely timed, never wait()s): each line an access touches costs hit_latency
// (the lookup); a miss adds the downstream delays of the victim's write-back and of the fill,
// chained through the caller's delay so the memory sees the right local time. Maintenance costs
// hit_latency per line operation plus write-back delays. Background traffic (speculative fills,
// random evictions) is issued at the caller's local time but not charged to it.
//
// Not modelled: MSHRs and miss overlap, store buffers, bank conflicts, write streaming, L2/L3,
// coherency (there is none by design), MMU attributes (the cluster routes only Normal-WB accesses
// here), region boundaries for speculative fills (any line mem_side answers may be fetched).
//
// TLM: b_transport and transport_dbg (reads see cached data; writes update a present line without
// dirtying it and go to memory) on cpu_side; DMI is denied (it would bypass the model); byte
// enables are rejected; streaming width must cover the length. Requires downstream targets not to
// wait() in b_transport (STYLE §7): the member payload is reused for every downstream access.

#include <cstdint>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "models/cache/cache_array.h"
#include "models/cache/cache_config.h"
#include "models/cache/cache_control.h"
#include "models/cache/cache_geometry.h"
#include "models/cache/cache_observer.h"
#include "models/cache/cache_stats.h"
#include "models/cache/recent_lines.h"
#include "models/common/rng.h"

namespace sim::models {

class Cache : public sc_core::sc_module, public CacheControl, private tlm::tlm_fw_transport_if<> {
public:
  /// Any number of cores bind here (N = 0). A plain target socket bound to the cache itself
  /// rather than a multi_passthrough socket: the latter only wires its callbacks at the end of
  /// elaboration, and model tests drive caches without elaborating (STYLE §13).
  tlm::tlm_target_socket<32, tlm::tlm_base_protocol_types, 0> cpu_side;
  tlm_utils::simple_initiator_socket<Cache> mem_side;

  /// Throws std::invalid_argument for a bad geometry or a rate outside [0, 1].
  Cache(const sc_core::sc_module_name& name, const CacheConfig& config);

  void clean(std::uint64_t addr, std::uint64_t len, sc_core::sc_time& delay) override;
  void invalidate(std::uint64_t addr, std::uint64_t len, sc_core::sc_time& delay) override;
  void clean_invalidate(std::uint64_t addr, std::uint64_t len, sc_core::sc_time& delay) override;
  void clean_all(sc_core::sc_time& delay) override;
  void invalidate_all(sc_core::sc_time& delay) override;
  void clean_invalidate_all(sc_core::sc_time& delay) override;

  /// A mailbox interrupt reached the cluster. With Eviction::kOnDoorbell every valid line is
  /// evicted (dirty ones written back, write-back delays chained into `delay`); otherwise no-op.
  void doorbell(sc_core::sc_time& delay);
  /// The cluster was reset: every line is gone, dirty data lost, in no time. Not maintenance:
  /// neither the maintenance counters nor the observers hear it (they are reset separately).
  void reset();

  /// Observers are not owned and must outlive the cache (or the simulation).
  void add_observer(CacheObserver* observer) { observers_.push_back(observer); }

  const CacheConfig& config() const { return config_; }
  const CacheGeometry& geometry() const { return array_.geometry(); }
  const CacheStats& stats() const { return stats_; }
  /// Read-only view of lines and data, for tests, checkers and `ipcsim layout`.
  const CacheArray& array() const { return array_; }
  bool contains(std::uint64_t addr) const { return array_.lookup(addr).has_value(); }
  bool is_dirty(std::uint64_t addr) const;

private:
  struct Maintenance {
    bool clean;
    bool invalidate;
  };

  // tlm_fw_transport_if, reached through cpu_side.
  void b_transport(tlm::tlm_generic_payload& p, sc_core::sc_time& delay) override;
  unsigned transport_dbg(tlm::tlm_generic_payload& p) override;
  bool get_direct_mem_ptr(tlm::tlm_generic_payload& p, tlm::tlm_dmi& dmi) override;
  /// Loosely timed only: a BEGIN_REQ is served as b_transport and completed at once.
  tlm::tlm_sync_enum nb_transport_fw(tlm::tlm_generic_payload& p, tlm::tlm_phase& phase,
                                     sc_core::sc_time& delay) override;

  tlm::tlm_response_status access_line(bool is_write, std::uint64_t addr, std::uint8_t* data,
                                       unsigned len, sc_core::sc_time& delay);
  tlm::tlm_response_status allocate(std::uint64_t line_addr, bool speculative,
                                    sc_core::sc_time& delay, unsigned& way);
  tlm::tlm_response_status write_back(unsigned set, unsigned way, sc_core::sc_time& delay);
  tlm::tlm_response_status mem_transport(tlm::tlm_command cmd, std::uint64_t addr,
                                         std::uint8_t* data, unsigned len, sc_core::sc_time& delay);
  unsigned mem_debug(tlm::tlm_command cmd, std::uint64_t addr, std::uint8_t* data, unsigned len);

  // cache_maintenance.cpp: CacheControl, adversarial evictions, speculative fills.
  void maintain_range(Maintenance op, std::uint64_t addr, std::uint64_t len,
                      sc_core::sc_time& delay);
  void maintain_all(Maintenance op, sc_core::sc_time& delay);
  void maintain_line(Maintenance op, unsigned set, unsigned way, sc_core::sc_time& delay);
  void evict_adversarially(unsigned set, unsigned way, sc_core::sc_time& delay);
  void random_eviction(const sc_core::sc_time& delay);
  void speculative_refill(const sc_core::sc_time& delay);
  void speculative_fill(std::uint64_t line_addr, const sc_core::sc_time& delay);

  std::uint64_t when_ps(const sc_core::sc_time& delay) const;
  /// Calls f(observer, when_ps) for every observer; free when there is none.
  template <typename F> void notify(const sc_core::sc_time& delay, F&& f) {
    if (observers_.empty()) return;
    const std::uint64_t when = when_ps(delay);
    for (CacheObserver* o : observers_) f(*o, when);
  }

  CacheConfig config_;
  CacheArray array_;
  CacheStats stats_;
  sc_core::sc_time hit_latency_;
  Rng eviction_rng_;
  Rng speculative_rng_;
  RecentLines recent_;
  std::vector<CacheObserver*> observers_;
  tlm::tlm_generic_payload mem_payload_;
  std::vector<std::uint8_t> fill_buf_;
};

} // namespace sim::models
