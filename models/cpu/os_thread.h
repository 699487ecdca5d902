// SPDX-License-Identifier: Apache-2.0
#pragma once
// Scheduler bookkeeping of the OS execution model: one OsThread per software thread (each is a
// SystemC coroutine) and one CoreContext per simulated core. Exactly one thread (or the core's
// interrupt context) holds a core at a time; the holder advances the core's quantum keeper.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "models/common/units.h"
#include "sw/hal/os.h"

namespace sim::models {

struct OsThread {
  enum class State { kReady, kRunning, kBlocked, kDone };

  hal::ThreadSpec spec;
  bool is_isr = false;
  State state = State::kReady;
  /// Notified when the core is handed to this thread.
  sc_core::sc_event granted;
  /// Position among ready threads of equal priority (FIFO; interrupted threads go first).
  std::int64_t order = 0;
  std::function<void()> body;
  /// Set while blocked on an object's waiter list: removes the thread from it on timeout.
  std::function<void()> cancel_wait;
  /// The SystemC process running this thread (or this core's interrupt context).
  sc_core::sc_process_handle process;

  bool preemptible() const { return !is_isr && !spec.cooperative; }
};

struct CoreStats {
  std::uint64_t context_switches = 0;
  std::uint64_t interrupts = 0;
  std::uint64_t spurious_interrupts = 0;
  std::uint64_t preemptions = 0;
  Picoseconds isr_time_ps = 0;
  Picoseconds idle_time_ps = 0;
};

struct CoreContext {
  unsigned index = 0;
  Picoseconds period_ps = 0;
  tlm_utils::tlm_quantumkeeper qk;
  OsThread* running = nullptr;
  OsThread* last_thread = nullptr; ///< for context-switch costs
  OsThread* interrupted = nullptr; ///< thread an ISR took the core from
  std::vector<OsThread*> ready;
  bool preempt_pending = false;
  /// The pending preemption is by a woken thread of the running one's own priority (only with
  /// OsCosts::wakeup_preemption).
  bool wakeup_preempt = false;
  bool irq_request = false;
  bool in_handler = false;      ///< the interrupt context is running a handler
  sc_core::sc_time isr_entered; ///< when the interrupt context took the core last
  /// A reset caught the handler mid-way: its time is accounted, the core idle since the reset.
  bool isr_abandoned = false;
  unsigned irq_mask = 0;
  sc_core::sc_event attention; ///< preemption or interrupt request for the holder
  sc_core::sc_event unmasked;
  std::unique_ptr<OsThread> isr;
  sc_core::sc_time idle_since = sc_core::SC_ZERO_TIME;
  CoreStats stats;

  bool needs_attention() const { return preempt_pending || (irq_request && irq_mask == 0); }
};

} // namespace sim::models
