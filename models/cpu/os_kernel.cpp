// SPDX-License-Identifier: Apache-2.0
#include "models/cpu/os_kernel.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include "models/common/log.h"
#include "models/common/model_error.h"
#include "models/common/tlm_util.h"
#include "models/cpu/os_objects.h"

namespace sim::models {

using sc_core::sc_time;
using sc_core::SC_ZERO_TIME;

namespace {

// SystemC object names allow only a restricted character set; thread names are free text.
std::string process_name(std::string s) {
  for (char& ch : s)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '_') ch = '_';
  return s;
}

} // namespace

OsKernel::OsKernel(std::string name, unsigned cores, Picoseconds clock_period_ps,
                   const OsCosts& costs, IrqController& irq)
    : name_(std::move(name)), costs_(costs), irq_(irq) {
  for (unsigned i = 0; i < cores; ++i) {
    auto c = std::make_unique<CoreContext>();
    c->index = i;
    c->period_ps = clock_period_ps;
    c->qk.reset();
    c->isr = std::make_unique<OsThread>();
    c->isr->spec.name = "isr";
    c->isr->spec.core = i;
    c->isr->spec.priority = std::numeric_limits<int>::min();
    c->isr->is_isr = true;
    CoreContext* ctx = c.get();
    cores_.push_back(std::move(c));
    ctx->isr->process = sc_core::sc_spawn([this, ctx] { interrupt_context(*ctx); },
                                          (name_ + "_core" + std::to_string(i) + "_irq").c_str());
  }
}

OsKernel::~OsKernel() = default;

CoreContext& OsKernel::current_core() {
  return core_of(current());
}

OsThread& OsKernel::current() {
  if (current_ == nullptr) throw ModelError(name_ + ": HAL called outside a simulated thread");
  return *current_;
}

bool OsKernel::has_current() const {
  return current_ != nullptr && current_->process == sc_core::sc_get_current_process_handle();
}

bool OsKernel::in_isr() const {
  return has_current() && current_->is_isr;
}

const std::string& OsKernel::current_thread() const {
  static const std::string kNone = "none";
  return has_current() ? current_->spec.name : kNone;
}

// ---- time ------------------------------------------------------------------------------------

sc_time OsKernel::local_now() {
  return sc_core::sc_time_stamp() + current_core().qk.get_local_time();
}

void OsKernel::sync() {
  OsThread* self = current_;
  CoreContext& c = core_of(*self);
  const std::uint64_t resets = resets_;
  if (c.qk.get_local_time() != SC_ZERO_TIME) c.qk.sync();
  current_ = self;
  // Threads are killed by a reset; an interrupt handler is not (its context serves the next
  // software too): the old handler stops here instead of running on after the reset.
  if (resets != resets_ && self->is_isr && c.in_handler) throw ClusterHalted{};
}

void OsKernel::advance(Picoseconds ps) {
  CoreContext& c = current_core();
  c.qk.inc(ps_to_sc(ps));
  if (c.qk.need_sync()) sync();
}

// ---- scheduling ------------------------------------------------------------------------------

void OsKernel::make_ready(OsThread& t, bool first) {
  t.state = OsThread::State::kReady;
  t.order = first ? -(++order_) : ++order_;
  core_of(t).ready.push_back(&t);
}

int OsKernel::best_ready_priority(const CoreContext& c) const {
  int best = std::numeric_limits<int>::max();
  for (const OsThread* t : c.ready) best = std::min(best, t->spec.priority);
  return best;
}

void OsKernel::dispatch(CoreContext& c) {
  if (c.running != nullptr || halted_) return;
  // An interrupt waiting for the core goes before any thread.
  if (c.irq_request && c.irq_mask == 0) {
    c.irq_request = false;
    c.running = c.isr.get();
    c.isr->granted.notify(SC_ZERO_TIME);
    return;
  }
  if (c.ready.empty()) return;
  auto best = std::min_element(c.ready.begin(), c.ready.end(), [](OsThread* a, OsThread* b) {
    return a->spec.priority != b->spec.priority ? a->spec.priority < b->spec.priority
                                                : a->order < b->order;
  });
  OsThread* next = *best;
  c.ready.erase(best);
  c.preempt_pending = false;
  c.running = next;
  next->state = OsThread::State::kRunning;
  next->granted.notify(SC_ZERO_TIME);
}

void OsKernel::go_idle(CoreContext& c) {
  c.idle_since = sc_core::sc_time_stamp();
  if (activity_ != nullptr)
    activity_->on_core(name_, c.index, CoreHolder::kIdle, {}, sc_to_ps(c.idle_since));
}

void OsKernel::release_core(CoreContext& c) {
  c.running = nullptr;
  dispatch(c);
  if (c.running == nullptr) go_idle(c);
}

void OsKernel::request_core(CoreContext& c, OsThread& t, bool woken) {
  // Threads created during elaboration all become ready before the first dispatch (at start of
  // simulation, in interrupt_context), like threads created before a kernel starts scheduling.
  if (!sc_core::sc_is_running()) return;
  if (c.running == nullptr) {
    c.stats.idle_time_ps += sc_to_ps(sc_core::sc_time_stamp() - c.idle_since);
    dispatch(c);
  } else if (c.running->preemptible() &&
             (t.spec.priority < c.running->spec.priority ||
              (woken && costs_.wakeup_preemption && !c.running->is_isr &&
               t.spec.priority == c.running->spec.priority))) {
    c.preempt_pending = true;
    if (t.spec.priority == c.running->spec.priority) c.wakeup_preempt = true;
    c.attention.notify(SC_ZERO_TIME);
  } else if (woken && costs_.wakeup_preemption && c.running->is_isr && c.interrupted != nullptr &&
             c.interrupted->preemptible() && t.spec.priority == c.interrupted->spec.priority) {
    // Woken by an ISR: the interrupted equal gives way when the ISR returns.
    c.wakeup_preempt = true;
  }
}

void OsKernel::ready_after_wait(OsThread& t) {
  // Under wakeup preemption a sleeper goes ahead of its priority's ready threads (CFS vruntime).
  make_ready(t, costs_.wakeup_preemption);
  request_core(core_of(t), t, true);
}

void OsKernel::wait_for_core(OsThread& t) {
  CoreContext& c = core_of(t);
  while (c.running != &t) sc_core::wait(t.granted);
  current_ = &t;
  if (halted_) throw ClusterHalted{};
  if (activity_ != nullptr)
    activity_->on_core(name_, c.index, CoreHolder::kThread, t.spec.name,
                       sc_to_ps(sc_core::sc_time_stamp()));
  if (!t.is_isr && c.last_thread != &t) {
    // Switching threads costs the kernel's context switch; resuming after an ISR does not.
    if (c.last_thread != nullptr) ++c.stats.context_switches;
    c.last_thread = &t;
    c.qk.inc(ps_to_sc(costs_.context_switch));
  }
}

void OsKernel::thread_main(OsThread& t) {
  try {
    wait_for_core(t);
    t.body();
  } catch (const ClusterHalted&) {
    // The cluster panicked: this thread simply stops.
  } catch (const sc_core::sc_unwind_exception&) {
    throw; // SystemC is killing or resetting the process: let it unwind.
  } catch (const std::exception& e) {
    // A fault in the simulated software is a result, not a simulator crash.
    try {
      panic({name_, "software_exception", 0, false, 0, t.spec.name, e.what()});
    } catch (const ClusterHalted&) {
    }
  }
  t.state = OsThread::State::kDone;
  CoreContext& c = core_of(t);
  if (c.running == &t) {
    current_ = &t;
    sync();
    release_core(c);
  }
}

void OsKernel::spawn(const hal::ThreadSpec& spec, std::function<void()> body) {
  // A halted cluster (a panic, or a reset not ended yet) starts nothing: a boot process that
  // fires meanwhile belongs to the software that was stopped.
  if (halted_) return;
  if (spec.core >= cores_.size())
    throw std::invalid_argument(name_ + ": thread " + spec.name + " pinned to missing core " +
                                std::to_string(spec.core));
  auto t = std::make_unique<OsThread>();
  t->spec = spec;
  t->body = std::move(body);
  OsThread* raw = t.get();
  threads_.push_back(std::move(t));
  const bool from_thread = has_current();
  OsThread* self = current_;
  if (from_thread) sync();
  make_ready(*raw, false);
  request_core(core_of(*raw), *raw);
  raw->process =
      sc_core::sc_spawn([this, raw] { thread_main(*raw); },
                        sc_core::sc_gen_unique_name(process_name(name_ + "_" + spec.name).c_str()));
  current_ = self;
}

bool OsKernel::block(OsThread& self, hal::SimTime timeout) {
  if (self.is_isr) panic({name_, "software_panic", 0, false, 0, "isr", "blocking call in an ISR"});
  CoreContext& c = core_of(self);
  // Blocked first: a wake() during the sync below (another core acting at an earlier time) then
  // cancels the block instead of being lost.
  self.state = OsThread::State::kBlocked;
  sync();
  if (self.state != OsThread::State::kBlocked) {
    self.cancel_wait = nullptr;
    return true;
  }
  release_core(c);
  const sc_time start = sc_core::sc_time_stamp();
  const bool forever = timeout == hal::kForever;
  const sc_time deadline = forever ? sc_core::SC_ZERO_TIME : start + ps_to_sc(timeout);
  bool timed_out = false;
  while (self.state == OsThread::State::kBlocked) {
    if (forever) {
      sc_core::wait(self.granted);
    } else {
      sc_time now = sc_core::sc_time_stamp();
      if (now >= deadline) {
        timed_out = true;
        break;
      }
      sc_core::wait(deadline - now, self.granted);
    }
  }
  if (timed_out) {
    if (self.cancel_wait) self.cancel_wait();
    ready_after_wait(self);
  }
  self.cancel_wait = nullptr;
  wait_for_core(self);
  return !timed_out;
}

void OsKernel::wake(OsThread& t) {
  if (t.state != OsThread::State::kBlocked) return;
  // The waker may run ahead of SystemC time; the woken thread must not start before it.
  if (has_current()) sync();
  if (t.state != OsThread::State::kBlocked) return; // woken or timed out during the sync
  t.cancel_wait = nullptr;
  CoreContext& c = core_of(t);
  if (c.running == &t) {
    // Still inside block()'s own sync, holding its core: the block is simply cancelled.
    t.state = OsThread::State::kRunning;
    return;
  }
  ready_after_wait(t);
  t.granted.notify(SC_ZERO_TIME); // ends a timed wait early; the loop re-checks state
}

void OsKernel::yield() {
  enter();
  OsThread& self = current();
  CoreContext& c = core_of(self);
  if (self.is_isr || c.ready.empty() || best_ready_priority(c) > self.spec.priority) return;
  sync();
  make_ready(self, false);
  release_core(c);
  wait_for_core(self);
}

void OsKernel::sleep(hal::SimTime duration) {
  enter();
  block(current(), duration);
}

bool OsKernel::spin(const sc_core::sc_event* watch, const bool* latched, const sc_time& deadline,
                    const sc_core::sc_event* also) {
  OsThread& self = current();
  CoreContext& c = core_of(self);
  sync();
  for (;;) {
    if (latched != nullptr && *latched) return true;
    sc_time now = sc_core::sc_time_stamp();
    if (now >= deadline) return false;
    if (c.needs_attention()) {
      serve_attention();
      return true;
    }
    if (watch != nullptr && also != nullptr)
      sc_core::wait(deadline - now, *watch | *also | c.attention);
    else if (watch != nullptr)
      sc_core::wait(deadline - now, *watch | c.attention);
    else if (also != nullptr)
      sc_core::wait(deadline - now, *also | c.attention);
    else
      sc_core::wait(deadline - now, c.attention);
    current_ = &self;
    if (halted_) throw ClusterHalted{};
    if (sc_core::sc_time_stamp() >= deadline) return false;
    if (!c.needs_attention()) return true; // the watched event fired
  }
}

void OsKernel::serve_attention() {
  OsThread& self = current();
  CoreContext& c = core_of(self);
  while (c.needs_attention() && !self.is_isr) {
    if (c.irq_request && c.irq_mask == 0) {
      c.irq_request = false;
      sync();
      c.interrupted = &self;
      self.state = OsThread::State::kReady;
      c.running = c.isr.get();
      c.isr->granted.notify(SC_ZERO_TIME);
      wait_for_core(self);
      continue;
    }
    c.preempt_pending = false;
    const bool equal_wakeup = c.wakeup_preempt && best_ready_priority(c) == self.spec.priority;
    c.wakeup_preempt = false;
    if (self.preemptible() && (best_ready_priority(c) < self.spec.priority || equal_wakeup)) {
      ++c.stats.preemptions;
      sync();
      // Preempted by a woken equal: it goes behind it (the sleeper runs first, as under CFS).
      make_ready(self, !equal_wakeup);
      release_core(c);
      wait_for_core(self);
    }
  }
}

// ---- objects ---------------------------------------------------------------------------------

hal::Semaphore& OsKernel::semaphore(const std::string& name, unsigned initial, unsigned limit) {
  semaphores_.push_back(std::make_unique<SemaphoreImpl>(*this, name, initial, limit));
  return *semaphores_.back();
}

hal::WaitQueue& OsKernel::wait_queue(const std::string& name) {
  wait_queues_.push_back(std::make_unique<WaitQueueImpl>(*this, name));
  return *wait_queues_.back();
}

hal::Work& OsKernel::work(const std::string& queue, const hal::ThreadSpec& worker,
                          const std::string& name, std::function<void()> fn) {
  auto it = workqueues_.find(queue);
  if (it == workqueues_.end())
    it = workqueues_.emplace(queue, std::make_unique<Workqueue>(*this, queue, worker)).first;
  works_.push_back(std::make_unique<WorkImpl>(*it->second, name, std::move(fn)));
  return *works_.back();
}

// ---- panics ----------------------------------------------------------------------------------

void OsKernel::panic(PanicInfo info) {
  if (!halted_) {
    info.cluster = name_;
    const bool from_thread = has_current();
    info.time_ps = sc_to_ps(sc_core::sc_time_stamp() +
                            (from_thread ? current_core().qk.get_local_time() : SC_ZERO_TIME));
    if (info.thread.empty() && from_thread) info.thread = current_->spec.name;
    halted_ = true;
    panic_ = info;
    SIM_WARN(name_, "panic: " << info.kind << (info.has_address ? " at " : "")
                              << (info.has_address ? format_hex(info.address) : std::string())
                              << " in " << info.thread << ": " << info.context);
    if (on_panic_) on_panic_(info);
  }
  throw ClusterHalted{};
}

void OsKernel::finish_accounting() {
  for (auto& c : cores_) {
    if (c->running == nullptr) {
      c->stats.idle_time_ps += sc_to_ps(sc_core::sc_time_stamp() - c->idle_since);
      c->idle_since = sc_core::sc_time_stamp();
    }
  }
}

} // namespace sim::models
