// SPDX-License-Identifier: Apache-2.0
// Cache: maintenance (CacheControl), adversarial evictions and speculative fills.
#include <array>

#include "models/cache/cache.h"
#include "models/common/log.h"
#include "models/common/units.h"

namespace sim::models {

void Cache::clean(std::uint64_t addr, std::uint64_t len, sc_core::sc_time& delay) {
  ++stats_.clean_calls;
  maintain_range({true, false}, addr, len, delay);
}

void Cache::invalidate(std::uint64_t addr, std::uint64_t len, sc_core::sc_time& delay) {
  ++stats_.invalidate_calls;
  maintain_range({false, true}, addr, len, delay);
}

void Cache::clean_invalidate(std::uint64_t addr, std::uint64_t len, sc_core::sc_time& delay) {
  ++stats_.clean_invalidate_calls;
  maintain_range({true, true}, addr, len, delay);
}

void Cache::clean_all(sc_core::sc_time& delay) {
  ++stats_.clean_calls;
  maintain_all({true, false}, delay);
}

void Cache::invalidate_all(sc_core::sc_time& delay) {
  ++stats_.invalidate_calls;
  maintain_all({false, true}, delay);
}

void Cache::clean_invalidate_all(sc_core::sc_time& delay) {
  ++stats_.clean_invalidate_calls;
  maintain_all({true, true}, delay);
}

void Cache::maintain_range(Maintenance op, std::uint64_t addr, std::uint64_t len,
                           sc_core::sc_time& delay) {
  // Software issues one DC instruction per line whether or not the line is present, so every
  // touched line costs a lookup.
  array_.for_each_in_range(addr, len,
                           [&](std::uint64_t, unsigned set, std::optional<unsigned> way) {
                             delay += hit_latency_;
                             if (way) maintain_line(op, set, *way, delay);
                           });
}

void Cache::maintain_all(Maintenance op, sc_core::sc_time& delay) {
  // By set/way: one operation per configured way of every set (grown ways of Eviction::kNever
  // ride along for free; real hardware has none).
  const sc_core::sc_time per_set = hit_latency_ * static_cast<double>(geometry().ways());
  for (unsigned set = 0; set < geometry().sets(); ++set) {
    delay += per_set;
    for (unsigned way = 0, n = array_.ways_in(set); way < n; ++way)
      if (array_.valid(set, way)) maintain_line(op, set, way, delay);
  }
}

void Cache::maintain_line(Maintenance op, unsigned set, unsigned way, sc_core::sc_time& delay) {
  const std::uint64_t line_addr = array_.line_addr(set, way);
  const bool dirty = array_.dirty(set, way);
  if (op.clean && dirty && write_back(set, way, delay) != tlm::TLM_OK_RESPONSE) {
    // The instruction has no way to fail; on hardware this is an asynchronous abort.
    SIM_ERROR(name(), "write-back of " << format_hex(line_addr) << " during maintenance failed: "
                                       << mem_payload_.get_response_string()
                                       << "; the line stays dirty");
    return;
  }
  if (op.invalidate) {
    // DC IVAC drops the whole line: dirty bytes outside the requested range are lost with it.
    const bool discarded = dirty && !op.clean;
    array_.invalidate(set, way);
    if (discarded) {
      ++stats_.discarded_dirty;
      SIM_DEBUG(name(), "invalidate discarded dirty line " << format_hex(line_addr));
    }
    notify(delay,
           [&](CacheObserver& o, std::uint64_t t) { o.on_invalidate(line_addr, discarded, t); });
  }
  ++(op.clean ? (op.invalidate ? stats_.clean_invalidates : stats_.cleans) : stats_.invalidates);
}

void Cache::reset() {
  array_.for_each_valid([&](unsigned set, unsigned way) { array_.invalidate(set, way); });
  ++stats_.resets;
}

void Cache::doorbell(sc_core::sc_time& delay) {
  if (config_.eviction != CacheConfig::Eviction::kOnDoorbell) return;
  array_.for_each_valid([&](unsigned set, unsigned way) { evict_adversarially(set, way, delay); });
}

void Cache::evict_adversarially(unsigned set, unsigned way, sc_core::sc_time& delay) {
  const std::uint64_t line_addr = array_.line_addr(set, way);
  const bool dirty = array_.dirty(set, way);
  if (dirty && write_back(set, way, delay) != tlm::TLM_OK_RESPONSE) {
    SIM_ERROR(name(), "write-back of " << format_hex(line_addr) << " for an eviction failed: "
                                       << mem_payload_.get_response_string() << "; the line stays");
    return;
  }
  array_.invalidate(set, way);
  ++stats_.adversarial_evictions;
  notify(delay, [&](CacheObserver& o, std::uint64_t t) { o.on_evict(line_addr, dirty, t); });
}

void Cache::random_eviction(const sc_core::sc_time& delay) {
  if (!eviction_rng_.chance(config_.eviction_rate) || array_.valid_lines() == 0) return;
  const auto [set, way] = array_.nth_valid(eviction_rng_.below(array_.valid_lines()));
  // Background traffic (other cores, prefetchers evicting): issued at the caller's local time,
  // not charged to the access.
  sc_core::sc_time background = delay;
  evict_adversarially(set, way, background);
}

void Cache::speculative_refill(const sc_core::sc_time& delay) {
  if (!speculative_rng_.chance(config_.speculative_rate)) return;
  std::array<std::uint64_t, RecentLines::kCapacity> absent{};
  std::size_t n = 0;
  for (std::size_t i = 0; i < recent_.size(); ++i)
    if (!array_.lookup(recent_[i])) absent[n++] = recent_[i];
  if (n > 0) speculative_fill(absent[speculative_rng_.below(n)], delay);
}

void Cache::speculative_fill(std::uint64_t line_addr, const sc_core::sc_time& delay) {
  if (array_.lookup(line_addr)) return;
  // The core fetches in the background: the fill is issued at the caller's local time but its
  // delay is not charged to the demand access. A fill memory refuses (e.g. past the end of a
  // bank) is dropped, as hardware drops a speculative fetch that faults.
  sc_core::sc_time background = delay;
  unsigned way = 0;
  (void)allocate(line_addr, true, background, way);
}

} // namespace sim::models
