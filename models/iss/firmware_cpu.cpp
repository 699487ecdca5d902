// SPDX-License-Identifier: Apache-2.0
#include "models/iss/firmware_cpu.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include "models/common/tlm_util.h"
#include "models/common/units.h"
#include "models/iss/firmware_cpu_detail.h"
#include "models/iss/page_walk.h"

namespace sim::models::iss {

using namespace detail;

struct FirmwareCpu::Ram {
  AddressRange range;
  std::uint8_t* host = nullptr;
  ~Ram() { std::free(host); }
};

FirmwareCpu::FirmwareCpu(Cluster& cluster, IrqController& irq, const FirmwareCpuConfig& config,
                         FirmwareLoad load)
    : cluster_(cluster), irq_(irq), config_(config), symbolize_(std::move(load.symbolize)),
      engine_(EngineConfig{config.dcache_line}), gic_(irq.core(), 0), timer_(config.timer_hz),
      ipc_milli_(static_cast<std::uint64_t>(std::llround(config.ipc * 1000))) {
  if (config.clock_hz == 0 || ipc_milli_ == 0)
    throw std::invalid_argument("an ISS core needs a clock and an ipc above 0");
  map_memory();
  this->load(load);
  engine_.set_pc(load.entry);
  engine_.on_dc([this](const DcOp& op) { guarded([&] { dc(op); }); });
  engine_.on_sysreg([this](const SysReg& r, bool write, std::uint64_t& value) {
    bool handled = false;
    guarded([&] { handled = sysreg(r, write, value); });
    return handled;
  });
  // Wakes the core from WFI when an interrupt becomes pending at the controller.
  sc_core::sc_spawn_options opts;
  opts.spawn_method();
  opts.set_sensitivity(&irq.pending_event(0));
  opts.dont_initialize();
  sc_core::sc_spawn(
      [this] {
        if (in_wfi_ && thread_ != nullptr) cluster_.kernel().wake(*thread_);
      },
      sc_core::sc_gen_unique_name("iss_wfi_waker"), &opts);
}

FirmwareCpu::~FirmwareCpu() = default;

// ---- memory map --------------------------------------------------------------------------------

void FirmwareCpu::map_memory() {
  for (const AddressRange& r : config_.ram) {
    auto ram = std::make_unique<Ram>();
    ram->range = r;
    ram->host = static_cast<std::uint8_t*>(std::calloc(r.size, 1)); // zero pages stay untouched
    if (ram->host == nullptr) throw std::invalid_argument("no host memory for RAM " + r.name);
    engine_.map_ram(r.base, ram->host, r.size);
    ram_.push_back(std::move(ram));
  }
  for (const AddressRange& r : config_.shared) {
    Aarch64Engine::Mmio m;
    m.read = [this, base = r.base](std::uint64_t offset, unsigned size) {
      std::uint32_t v = 0;
      guarded([&] { v = shared_read(base + offset, size); });
      return v;
    };
    m.write = [this, base = r.base](std::uint64_t offset, unsigned size, std::uint32_t value) {
      guarded([&] { shared_write(base + offset, size, value); });
    };
    engine_.map_mmio(r.base, r.size, std::move(m));
  }
  for (const AddressRange& r : config_.devices) {
    // A device window smaller than a page still takes its page: unicorn maps whole pages.
    const std::uint64_t base = r.base & ~(kPage - 1);
    const std::uint64_t window = ((r.end() - base) + kPage - 1) & ~(kPage - 1);
    Aarch64Engine::Mmio m;
    m.read = [this, base](std::uint64_t offset, unsigned size) {
      std::uint32_t v = 0;
      guarded([&] { device_access(false, base + offset, size, v); });
      return v;
    };
    m.write = [this, base](std::uint64_t offset, unsigned size, std::uint32_t value) {
      guarded([&] { device_access(true, base + offset, size, value); });
    };
    engine_.map_mmio(base, window, std::move(m));
  }
  if (config_.probe_port != 0) {
    // Not a device of the SoC: it costs the store instruction only, and reads as 0.
    Aarch64Engine::Mmio p;
    p.read = [](std::uint64_t, unsigned) { return std::uint32_t{0}; };
    p.write = [this](std::uint64_t offset, unsigned, std::uint32_t value) {
      if (on_probe_write_) guarded([&] { on_probe_write_(offset, value); });
    };
    engine_.map_mmio(config_.probe_port, kPage, std::move(p));
  }
  if (config_.gicd_base != 0) {
    Aarch64Engine::Mmio d;
    d.read = [this](std::uint64_t offset, unsigned) { return gic_.distributor_read(offset); };
    d.write = [this](std::uint64_t offset, unsigned, std::uint32_t value) {
      gic_.distributor_write(offset, value);
      guarded([&] { check_interrupt(); });
    };
    engine_.map_mmio(config_.gicd_base, GicV3::kDistributorSize, std::move(d));
  }
  if (config_.gicr_base != 0) {
    Aarch64Engine::Mmio r;
    r.read = [this](std::uint64_t offset, unsigned) { return gic_.redistributor_read(offset); };
    r.write = [this](std::uint64_t offset, unsigned, std::uint32_t value) {
      gic_.redistributor_write(offset, value);
      guarded([&] { check_interrupt(); });
    };
    engine_.map_mmio(config_.gicr_base, GicV3::kRedistributorSize, std::move(r));
  }
}

void FirmwareCpu::device_access(bool write, std::uint64_t pa, unsigned size, std::uint32_t& value) {
  catch_up(engine_.executed_so_far());
  ++(write ? stats_.device_writes : stats_.device_reads);
  quantum_pure_ = false;
  cluster_.access_as(MemAttr::kDevice, write, pa, &value, size);
  if (!write && config_.uart_space_at && pa == config_.uart_base + kUartFr &&
      (value & kUartFrTxff) != 0) {
    uart_full_ = true;
    engine_.request_stop(); // wait_for_uart() at the next block
  }
  check_interrupt();
}

void FirmwareCpu::load(const FirmwareLoad& load) {
  for (const FirmwareLoad::Segment& s : load.segments) {
    Ram* into = nullptr;
    for (auto& ram : ram_)
      if (ram->range.contains(s.address) && s.bytes.size() <= ram->range.end() - s.address)
        into = ram.get();
    if (into == nullptr)
      throw std::invalid_argument("segment at " + hex(s.address) + " (" +
                                  std::to_string(s.bytes.size()) +
                                  " bytes) is not inside the core's private RAM");
    std::memcpy(into->host + (s.address - into->range.base), s.bytes.data(), s.bytes.size());
  }
}

std::optional<std::uint64_t> FirmwareCpu::read_descriptor(std::uint64_t pa) const {
  for (const auto& ram : ram_)
    if (ram->range.contains(pa) && ram->range.end() - pa >= 8) {
      std::uint64_t d = 0;
      std::memcpy(&d, ram->host + (pa - ram->range.base), 8);
      return d;
    }
  return std::nullopt; // tables outside private RAM: an external abort on the walk
}

// ---- time --------------------------------------------------------------------------------------

Picoseconds FirmwareCpu::now_ps() {
  return sc_to_ps(cluster_.kernel().local_now());
}

void FirmwareCpu::catch_up(std::uint64_t executed) {
  executed = std::min(executed, run_budget_);
  if (executed <= accounted_) return;
  total_instructions_ += executed - accounted_;
  accounted_ = executed;
  // Time of every instruction since the start, so rounding never accumulates.
  const Picoseconds total_ps =
      mul_div(total_instructions_, kPsPerS * 1000, config_.clock_hz * ipc_milli_);
  const Picoseconds delta = total_ps - charged_ps_;
  charged_ps_ = total_ps;
  if (delta > 0) cluster_.kernel().advance(delta);
}

std::uint64_t FirmwareCpu::budget() {
  const Picoseconds quantum = sc_to_ps(tlm::tlm_global_quantum::instance().get());
  const Picoseconds local = sc_to_ps(cluster_.kernel().current_core().qk.get_local_time());
  const Picoseconds left = quantum > local ? quantum - local : 0;
  const std::uint64_t n = mul_div(left, config_.clock_hz * ipc_milli_, kPsPerS * 1000);
  return std::max<std::uint64_t>(n, 1);
}

void FirmwareCpu::update_timer() {
  const Picoseconds now = now_ps();
  gic_.set_ppi_level(GenericTimer::kPhysicalPpi, timer_.physical_output(now));
  gic_.set_ppi_level(GenericTimer::kVirtualPpi, timer_.virtual_output(now));
}

void FirmwareCpu::check_interrupt() {
  // Taken at the next block boundary, where unicorn's PC is exact.
  if (gic_.irq_asserted() && (engine_.pstate() & kPstateI) == 0) engine_.request_stop();
}

void FirmwareCpu::wait_for_uart() {
  // pl011_poll_out-style loops spin on UARTFR.TXFF with interrupts enabled: the core is busy
  // until the FIFO has room, taking any interrupt that comes meanwhile (then it reads again).
  uart_full_ = false;
  const Picoseconds now = now_ps();
  const Picoseconds free_at = config_.uart_space_at(now);
  if (free_at <= now || gic_.irq_asserted()) return;
  ++stats_.uart_waits;
  cluster_.kernel().spin(nullptr, nullptr, ps_to_sc(free_at), &irq_.pending_event(0));
}

void FirmwareCpu::sleep_until_interrupt() {
  OsKernel& k = cluster_.kernel();
  const Picoseconds began = now_ps();
  ++stats_.wfi_sleeps;
  // WFI wakes on an interrupt the GIC signals, taken or not (PSTATE.I may mask it). The core is
  // idle meanwhile: the thread blocks, woken by the controller's pending event (see the waker in
  // the constructor) or by its timeout at the timer's next rise.
  while (!gic_.irq_asserted()) {
    const Picoseconds now = now_ps();
    const std::optional<Picoseconds> rise = timer_.next_rise(now);
    in_wfi_ = true;
    k.block(k.current(), rise ? *rise - now : hal::kForever);
    in_wfi_ = false;
    update_timer();
  }
  sleeping_ = false;
  stats_.sleep_ps += now_ps() - began;
}

// ---- the run -----------------------------------------------------------------------------------

template <typename F> void FirmwareCpu::guarded(F&& body) {
  if (held_) {
    engine_.stop_now();
    return;
  }
  try {
    body();
  } catch (...) {
    // A halt (ClusterHalted), a kill (sc_unwind_exception) or an error must not unwind through
    // unicorn's C frames: held and rethrown by run() once the engine has returned.
    held_ = std::current_exception();
    engine_.stop_now();
  }
}

void FirmwareCpu::run() {
  OsKernel& k = cluster_.kernel();
  k.irq_lock(); // the firmware owns the interrupts: the OS model's interrupt context stays out
  thread_ = &k.current();
  for (;;) {
    k.enter();
    update_timer();
    bool masked = false;
    if (gic_.irq_asserted()) {
      sleeping_ = false;
      if (engine_.raise_irq())
        ++stats_.irqs_taken;
      else
        masked = true;
    }
    if (sleeping_) {
      sleep_until_interrupt();
      continue;
    }
    quantum_reads_.clear();
    quantum_pure_ = !masked;
    run_budget_ = budget();
    // An interrupt waits on PSTATE.I. Unicorn reports no MSR DAIFClr (only the register form
    // reaches a hook, measured), so the core steps until the mask clears: 1, 2, 4, ...
    // instructions, taking the interrupt within a few instructions of a short critical section
    // (the usual "mask, check, WFI, unmask" included) at little cost for a long one.
    if (masked) {
      masked_step_ = masked_step_ == 0 ? 1 : std::min(masked_step_ * 2, run_budget_);
      run_budget_ = std::min(run_budget_, masked_step_);
    } else {
      masked_step_ = 0;
    }
    accounted_ = 0;
    const RunResult r = engine_.run(run_budget_);
    ++stats_.quanta;
    stats_.instructions += r.executed;
    if (held_) {
      std::exception_ptr e = held_;
      held_ = nullptr;
      std::rethrow_exception(e);
    }
    catch_up(r.executed);
    handle(r);
    if (uart_full_) wait_for_uart();
    if (config_.skip_polls) detect_poll(r);
  }
}

void FirmwareCpu::handle(const RunResult& r) {
  switch (r.reason) {
  case StopReason::kBudget:
  case StopReason::kStopped:
    return;
  case StopReason::kWfi:
    sleeping_ = true;
    return;
  case StopReason::kError:
    memory_panic(r.error, r.pc);
  case StopReason::kException:
    break;
  }
  const Exception& e = *r.exception;
  if (e.kind == Exception::Kind::kSvc && engine_.vbar() != 0) {
    // SVC: the exception firmware asks for; ELR is the instruction after it.
    std::uint32_t insn = 0;
    engine_.read_memory(e.pc - 4, &insn, 4);
    engine_.take_sync_exception(esr(kEcSvc, (insn >> 5) & 0xffff), 0, e.pc);
    ++stats_.svcs;
    return;
  }
  exception_panic(e, r.pc);
}

// ---- shared memory and devices -----------------------------------------------------------------

MemAttr FirmwareCpu::shared_attr(std::uint64_t pa, bool write) {
  // Unicorn hands over the physical address after its own walk of the same tables; the carve-outs
  // must be identity-mapped (unicorn needs the VA in a mapped range too, docs/firmware.md).
  const WalkResult w = walk(engine_.translation_regs(), pa, write,
                            [this](std::uint64_t d) { return read_descriptor(d); });
  if (!w.ok())
    data_abort(pa, write,
               "the firmware's page tables do not map it (DFSC " + hex(w.fault->status_code()) +
                   ")");
  if (w.translation->pa != pa)
    data_abort(pa, write,
               "a carve-out must be identity-mapped (VA = PA): this VA maps " +
                   hex(w.translation->pa));
  return attr_of(w.translation->type);
}

std::uint32_t FirmwareCpu::shared_read(std::uint64_t pa, unsigned size) {
  catch_up(engine_.executed_so_far());
  std::uint32_t v = 0;
  const MemAttr attr = shared_attr(pa, false);
  ++stats_.shared_reads;
  cluster_.access_as(attr, false, pa, &v, size);
  note_poll_step({pa, size, v});
  if (on_shared_access_) on_shared_access_(false, pa, size, v);
  check_interrupt();
  return v;
}

void FirmwareCpu::shared_write(std::uint64_t pa, unsigned size, std::uint32_t value) {
  catch_up(engine_.executed_so_far());
  const MemAttr attr = shared_attr(pa, true);
  ++stats_.shared_writes;
  quantum_pure_ = false;
  cluster_.access_as(attr, true, pa, &value, size);
  if (on_shared_access_) on_shared_access_(true, pa, size, value);
  check_interrupt();
}

const char* FirmwareCpu::site(std::uint64_t pc) {
  const std::string name = symbolize_ ? symbolize_(pc) : std::string();
  return sites_.insert("fw:" + (name.empty() ? hex(pc) : name.substr(0, name.find('+'))))
      .first->c_str();
}

void FirmwareCpu::dc(const DcOp& op) {
  catch_up(engine_.executed_so_far());
  ++stats_.dc_ops;
  const bool zero = op.kind == DcOp::Kind::kZero;
  // Maintenance repeated on the same lines is part of a poll (invalidate, then read: the correct
  // way to wait for the peer); a zeroing is a write.
  if (zero)
    quantum_pure_ = false;
  else
    note_poll_step({op.va & ~std::uint64_t{config_.dcache_line - 1},
                    kPollMaintenance + static_cast<unsigned>(op.kind), 0});
  const std::uint64_t size = zero ? kZvaBlock : config_.dcache_line;
  const std::uint64_t va = op.va & ~(size - 1);
  for (auto& ram : ram_)
    if (ram->range.contains(va)) {
      // Private RAM is not in the cache model: nothing to maintain, but ZVA still zeroes.
      ++stats_.dc_ops_private;
      if (zero) std::memset(ram->host + (va - ram->range.base), 0, size);
      return;
    }
  bool shared = false;
  for (const AddressRange& r : config_.shared) shared = shared || r.contains(va);
  const MemAttr attr = shared_attr(va, zero); // DC by VA needs a translation, as an access does
  if (!shared) return;
  if (zero) {
    const std::vector<std::uint8_t> zeros(size, 0);
    cluster_.access_as(attr, true, va, const_cast<std::uint8_t*>(zeros.data()), size);
    return;
  }
  const Cluster::DcKind kind = op.kind == DcOp::Kind::kClean ? Cluster::DcKind::kClean
                               : op.kind == DcOp::Kind::kInvalidate
                                   ? Cluster::DcKind::kInvalidate
                                   : Cluster::DcKind::kCleanInvalidate;
  cluster_.dc_by_va(kind, va, size, site(op.pc));
}

bool FirmwareCpu::sysreg(const SysReg& r, bool write, std::uint64_t& value) {
  quantum_pure_ = false; // the timer moves, the GIC changes what is signalled
  if (r.op0 == 3 && r.op1 == 3 && r.crn == 14) { // the generic timer's
    catch_up(engine_.executed_so_far());
    const bool handled = timer_.sysreg(r, write, value, now_ps());
    if (handled && write) {
      update_timer();
      check_interrupt();
    }
    return handled;
  }
  const bool handled = gic_.sysreg(r, write, value);
  if (handled && write) check_interrupt();
  return handled;
}

} // namespace sim::models::iss
