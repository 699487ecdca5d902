// SPDX-License-Identifier: Apache-2.0
// Reset of the OS execution model: a cluster whose software stops for good and starts again
// (the remote_restarts fault). See os_kernel.h and docs/models/cpu.md "Reset".
#include "models/common/tlm_util.h"
#include "models/cpu/os_kernel.h"

#include "models/cpu/os_objects.h"

namespace sim::models {

using sc_core::SC_ZERO_TIME;

void OsKernel::unwind_threads() {
  halted_ = true; // a thread woken meanwhile stops at once instead of running on
  for (auto* list : {&threads_, &retired_threads_})
    for (auto& t : *list)
      if (t->state != OsThread::State::kDone && t->process.valid() && !t->process.terminated())
        t->process.kill(sc_core::SC_NO_DESCENDANTS);
}

void OsKernel::reset_begin() {
  halted_ = true;
  ++resets_;
  // Threads parked in a wait would otherwise resume old software after reset_end().
  for (auto& t : threads_) {
    if (t->state != OsThread::State::kDone && t->process.valid() && !t->process.terminated())
      t->process.kill(sc_core::SC_NO_DESCENDANTS);
    t->state = OsThread::State::kDone;
  }
  // Handlers are retired, not destroyed: one may be suspended mid-way in an interrupt context
  // (it unwinds when its wait ends, see sync(), or at its next HAL call).
  for (auto& [line, handler] : handlers_) {
    irq_.core().enable(line, false);
    retired_handlers_.push_back(std::move(handler));
  }
  handlers_.clear();
  auto retire = [](auto& from, auto& to) {
    for (auto& x : from) to.push_back(std::move(x));
    from.clear();
  };
  retire(threads_, retired_threads_);
  retire(semaphores_, retired_semaphores_);
  retire(wait_queues_, retired_wait_queues_);
  retire(works_, retired_works_);
  for (auto& [name, wq] : workqueues_) retired_workqueues_.push_back(std::move(wq));
  workqueues_.clear();
  for (auto& c : cores_) {
    if (c->irq_request) {
      // An interrupt context waiting for the core gets it, sees the halt and lets it go again.
      c->running = c->isr.get();
      c->isr->granted.notify(SC_ZERO_TIME);
    } else if (c->running != c->isr.get()) {
      if (c->running != nullptr) go_idle(*c); // from now on the core is idle
      c->running = nullptr;
    } else if (c->in_handler && !c->isr_abandoned) {
      // A handler caught mid-way gives the core up when it unwinds (at its next wait); its time
      // ends here and the core counts as idle from now on.
      end_isr_time(*c);
      c->isr_abandoned = true;
      go_idle(*c);
    }
    c->ready.clear();
    c->interrupted = nullptr;
    c->last_thread = nullptr;
    c->preempt_pending = false;
    c->wakeup_preempt = false;
    c->irq_request = false;
    c->irq_mask = 0;
    c->qk.reset();
  }
  current_ = nullptr;
}

void OsKernel::reset_end() {
  halted_ = false;
  for (auto& c : cores_) {
    // The reset's time was idle time (idle_since was set when the core stopped).
    c->unmasked.notify(SC_ZERO_TIME); // interrupt contexts look again
    dispatch(*c);
  }
}

} // namespace sim::models
