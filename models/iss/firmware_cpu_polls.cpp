// SPDX-License-Identifier: Apache-2.0
// FirmwareCpu's polls slept through (FirmwareCpuConfig::skip_polls).
#include <algorithm>

#include "models/iss/firmware_cpu.h"
#include "models/iss/firmware_cpu_detail.h"

namespace sim::models::iss {

using namespace detail;

// A quantum that executed its whole budget reading only the same shared values as the quanta
// before it (and maintaining the same lines: invalidate-then-read is how a correct poll looks),
// writing nothing the models see, touching no device, timer or GIC and taking no
// interrupt, is a poll: the loop's exit depends on those values (or on an interrupt or the timer).
// It is slept through until the memory watch reports a write, fill, eviction or invalidate in the
// polled range, an interrupt becomes pending, or the timer fires: what a real core would spin
// through, without the host cost. Assumed (and why it can be switched off,
// clusters.<name>.core.skip_polls): the loop's exit does not depend on private memory alone (a
// countdown without the timer would be slept through).
void FirmwareCpu::note_poll_step(const Read& step) {
  if (std::find(quantum_reads_.begin(), quantum_reads_.end(), step) != quantum_reads_.end()) return;
  if (quantum_reads_.size() < kPollReads)
    quantum_reads_.push_back(step);
  else
    quantum_pure_ = false;
}

void FirmwareCpu::detect_poll(const RunResult& r) {
  if (r.reason != StopReason::kBudget || !quantum_pure_ || quantum_reads_.empty()) {
    same_quanta_ = 0;
    previous_reads_.clear();
    return;
  }
  std::sort(quantum_reads_.begin(), quantum_reads_.end());
  if (quantum_reads_ != previous_reads_) {
    previous_reads_ = quantum_reads_;
    same_quanta_ = 1;
    return;
  }
  if (++same_quanta_ < kPollQuanta) return;
  same_quanta_ = 0;
  skip_poll();
}

void FirmwareCpu::skip_poll() {
  std::uint64_t lo = previous_reads_.front().addr, hi = lo;
  for (const Read& rd : previous_reads_) {
    lo = std::min(lo, rd.addr);
    const std::uint64_t len = rd.size >= kPollMaintenance ? config_.dcache_line : rd.size;
    hi = std::max(hi, rd.addr + len);
  }
  // Opened before the core lets anyone else run: a touch from now on is latched.
  MemoryWatch::Scope scope(cluster_.watch(), lo, hi - lo);
  const Picoseconds began = now_ps();
  const std::optional<Picoseconds> rise = timer_.next_rise(began);
  const sc_core::sc_time deadline = rise ? ps_to_sc(*rise) : sc_core::sc_max_time();
  if (!gic_.irq_asserted())
    cluster_.kernel().spin(&scope.event(), scope.touched(), deadline, &irq_.pending_event(0));
  ++stats_.polls_skipped;
  stats_.poll_skip_ps += now_ps() - began;
  previous_reads_.clear();
}

} // namespace sim::models::iss
