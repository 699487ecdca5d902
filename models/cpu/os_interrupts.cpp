// SPDX-License-Identifier: Apache-2.0
// Interrupt side of the OS execution model: the per-core interrupt context, handler
// registration and interrupt masking.
#include "models/common/log.h"
#include "models/common/tlm_util.h"
#include "models/cpu/os_kernel.h"

namespace sim::models {

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

void OsKernel::interrupt_context(CoreContext& c) {
  OsThread& self = *c.isr;
  dispatch(c);
  for (;;) {
    while (halted_ || c.irq_mask != 0 || !irq_.core().pending_for(c.index))
      sc_core::wait(irq_.pending_event(c.index) | c.unmasked);
    if (c.running == nullptr) {
      c.stats.idle_time_ps += sc_to_ps(sc_core::sc_time_stamp() - c.idle_since);
      c.running = &self;
    } else if (c.running != &self) {
      c.irq_request = true;
      c.attention.notify(SC_ZERO_TIME);
      while (c.running != &self) sc_core::wait(self.granted);
    }
    current_ = &self;
    if (halted_) {
      c.running = nullptr; // a halted cluster's interrupts are not taken
      go_idle(c);
      continue;
    }
    const sc_time entered = sc_core::sc_time_stamp();
    c.isr_entered = entered;
    ++c.stats.interrupts;
    c.qk.inc(ps_to_sc(costs_.isr_entry));
    // The core is in the interrupt context from here, whether or not a line is still pending.
    if (activity_ != nullptr)
      activity_->on_core(name_, c.index, CoreHolder::kIsr, "irq", sc_to_ps(entered));
    try {
      // One interrupt per entry: the handler's effect on its device (a level dropping) must reach
      // the controller before the line is looked at again, as it does on hardware.
      if (std::optional<unsigned> line = irq_.core().acknowledge(c.index)) {
        if (activity_ != nullptr)
          activity_->on_core(name_, c.index, CoreHolder::kIsr, "irq " + std::to_string(*line),
                             sc_to_ps(entered));
        auto h = handlers_.find(*line);
        if (h != handlers_.end()) {
          c.in_handler = true;
          h->second();
          c.in_handler = false;
        } else {
          ++c.stats.spurious_interrupts;
          SIM_WARN(name_, "interrupt " << *line << " has no handler; disabled");
          irq_.core().enable(*line, false);
        }
        irq_.core().end_of_interrupt(*line);
      }
    } catch (const ClusterHalted&) {
      // Halted (a panic or a reset): the core is nobody's until the cluster runs again. A reset
      // already ended the handler's time and made the core idle (reset_begin); a panic ends it
      // here.
      c.in_handler = false;
      c.running = nullptr;
      c.interrupted = nullptr;
      if (c.isr_abandoned) {
        c.isr_abandoned = false;
      } else {
        end_isr_time(c);
        go_idle(c);
      }
      continue;
    } catch (const sc_core::sc_unwind_exception&) {
      throw;
    } catch (const std::exception& e) {
      // A fault in the simulated software is a result, not a simulator crash.
      c.in_handler = false;
      try {
        panic({name_, "software_exception", 0, false, 0, "isr", e.what()});
      } catch (const ClusterHalted&) {
      }
      end_isr_time(c);
      c.running = nullptr;
      c.interrupted = nullptr;
      go_idle(c);
      continue;
    }
    c.qk.inc(ps_to_sc(costs_.isr_exit));
    sync();
    if (sc_core::sc_time_stamp() == entered) sc_core::wait(SC_ZERO_TIME); // zero-cost config
    current_ = &self;
    end_isr_time(c);
    OsThread* back = c.interrupted;
    c.interrupted = nullptr;
    c.running = nullptr;
    const bool equal_wakeup = c.wakeup_preempt && back != nullptr && back->preemptible() &&
                              best_ready_priority(c) == back->spec.priority;
    c.wakeup_preempt = false;
    if (back != nullptr && !equal_wakeup &&
        (!back->preemptible() || best_ready_priority(c) >= back->spec.priority)) {
      c.running = back;
      back->state = OsThread::State::kRunning;
      back->granted.notify(SC_ZERO_TIME);
    } else {
      if (back != nullptr) {
        ++c.stats.preemptions;
        make_ready(*back, !equal_wakeup); // behind a woken equal, ahead of everyone else
      }
      release_core(c);
    }
  }
}

void OsKernel::irq_connect(unsigned line, std::function<void()> isr, unsigned core) {
  handlers_[line] = std::move(isr);
  irq_.core().set_target(line, core);
}

void OsKernel::irq_enable(unsigned line, bool enabled) {
  irq_.core().enable(line, enabled);
}

unsigned OsKernel::irq_lock() {
  CoreContext& c = current_core();
  return c.irq_mask++;
}

void OsKernel::irq_unlock(unsigned key) {
  CoreContext& c = current_core();
  c.irq_mask = key;
  if (c.irq_mask == 0) {
    c.unmasked.notify(SC_ZERO_TIME);
    if (c.needs_attention()) serve_attention();
  }
}

} // namespace sim::models
