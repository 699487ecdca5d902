// SPDX-License-Identifier: Apache-2.0
#include "models/iss/aarch64_engine.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include <unicorn/unicorn.h>

namespace sim::models::iss {
namespace {

constexpr std::uint64_t kPage = 4096;
constexpr std::uint32_t kWfi = 0xd503207f;
/// Never reached as a PC (not 4-byte aligned): uc_emu_start stops only on the budget.
constexpr std::uint64_t kNoUntil = ~std::uint64_t{0};
constexpr std::uint64_t kPstateI = 1u << 7;
constexpr std::uint64_t kPstateSp = 1u << 0;
/// EL1h with D, A, I and F masked: what exception entry to EL1 sets (NZCV kept by the caller).
constexpr std::uint64_t kPstateEl1hMasked = 0x3c5;
constexpr std::uint64_t kIrqFromSpx = 0x280;
constexpr std::uint64_t kIrqFromSp0 = 0x080;
constexpr std::uint64_t kSyncFromSpx = 0x200;
constexpr std::uint64_t kSyncFromSp0 = 0x000;

// Unicorn's intno for the exceptions it cannot vector (QEMU's EXCP_* numbers).
constexpr std::uint32_t kExcpUdef = 1, kExcpSwi = 2, kExcpPrefetchAbort = 3, kExcpDataAbort = 4,
                        kExcpBkpt = 7;

void check(uc_err e, const char* what) {
  if (e != UC_ERR_OK) throw std::runtime_error(std::string(what) + ": " + uc_strerror(e));
}

uc_arm64_cp_reg cp(int op0, int op1, int crn, int crm, int op2, std::uint64_t value = 0) {
  uc_arm64_cp_reg r{};
  r.op0 = static_cast<std::uint32_t>(op0);
  r.op1 = static_cast<std::uint32_t>(op1);
  r.crn = static_cast<std::uint32_t>(crn);
  r.crm = static_cast<std::uint32_t>(crm);
  r.op2 = static_cast<std::uint32_t>(op2);
  r.val = value;
  return r;
}

bool is(const uc_arm64_cp_reg* r, int op0, int op1, int crn, int crm, int op2) {
  return r->op0 == static_cast<std::uint32_t>(op0) && r->op1 == static_cast<std::uint32_t>(op1) &&
         r->crn == static_cast<std::uint32_t>(crn) && r->crm == static_cast<std::uint32_t>(crm) &&
         r->op2 == static_cast<std::uint32_t>(op2);
}

unsigned log2_words(unsigned line_bytes) {
  unsigned n = 0;
  for (unsigned words = line_bytes / 4; words > 1; words >>= 1) ++n;
  return n;
}

Exception::Kind exception_kind(std::uint32_t intno) {
  switch (intno) {
  case kExcpUdef:
    return Exception::Kind::kUndefined;
  case kExcpSwi:
    return Exception::Kind::kSvc;
  case kExcpPrefetchAbort:
    return Exception::Kind::kPrefetchAbort;
  case kExcpDataAbort:
    return Exception::Kind::kDataAbort;
  case kExcpBkpt:
    return Exception::Kind::kBreakpoint;
  default:
    return Exception::Kind::kOther;
  }
}

} // namespace

struct Aarch64Engine::Impl {
  uc_engine* uc = nullptr;
  Aarch64Engine* owner = nullptr;
  std::vector<std::unique_ptr<Mmio>> mmio; // stable addresses: unicorn keeps the pointers
  std::optional<Exception> exception;
  std::uint64_t executed = 0; ///< instructions of the blocks begun in this run
  bool stop_requested = false;
  bool stopped_by_request = false;

  std::uint64_t reg(int r) const {
    std::uint64_t v = 0;
    check(uc_reg_read(uc, r, &v), "uc_reg_read");
    return v;
  }
  void set_reg(int r, std::uint64_t v) { check(uc_reg_write(uc, r, &v), "uc_reg_write"); }
  std::uint64_t sysreg(int op0, int op1, int crn, int crm, int op2) const {
    uc_arm64_cp_reg r = cp(op0, op1, crn, crm, op2);
    check(uc_reg_read(uc, UC_ARM64_REG_CP_REG, &r), "uc_reg_read(CP_REG)");
    return r.val;
  }
  void set_sysreg(int op0, int op1, int crn, int crm, int op2, std::uint64_t v) {
    uc_arm64_cp_reg r = cp(op0, op1, crn, crm, op2, v);
    check(uc_reg_write(uc, UC_ARM64_REG_CP_REG, &r), "uc_reg_write(CP_REG)");
  }

  // DC <op>, Xt (SYS #op1, C7, Cm, #op2): reported to the owner and skipped.
  static std::uint32_t on_sys(uc_engine*, uc_arm64_reg, const uc_arm64_cp_reg* r, void* user) {
    auto* self = static_cast<Impl*>(user);
    DcOp op;
    if (is(r, 1, 3, 7, 14, 1))
      op.kind = DcOp::Kind::kCleanInvalidate;
    else if (is(r, 1, 3, 7, 10, 1))
      op.kind = DcOp::Kind::kClean;
    else if (is(r, 1, 0, 7, 6, 1))
      op.kind = DcOp::Kind::kInvalidate;
    else if (is(r, 1, 3, 7, 4, 1))
      op.kind = DcOp::Kind::kZero;
    else
      return 0; // IC, TLBI, set/way operations: unicorn's own behaviour
    op.va = r->val;
    op.pc = self->reg(UC_ARM64_REG_PC);
    if (self->owner->on_dc_) self->owner->on_dc_(op);
    return 1;
  }

  // Past a hooked MRS/MSR: unicorn leaves the PC on an undefined register's instruction (the
  // ICC_* ones) and moves it itself for a defined one, where setting it too is harmless (measured).
  void skip_instruction() {
    const std::uint64_t pc = reg(UC_ARM64_REG_PC);
    set_reg(UC_ARM64_REG_PC, pc + 4);
  }

  static SysReg sysreg_of(const uc_arm64_cp_reg* r) {
    return {static_cast<std::uint8_t>(r->op0), static_cast<std::uint8_t>(r->op1),
            static_cast<std::uint8_t>(r->crn), static_cast<std::uint8_t>(r->crm),
            static_cast<std::uint8_t>(r->op2)};
  }

  // MRS CTR_EL0 reads the board's line size; the handler's registers read as it says; every other
  // register reads as unicorn has it.
  static std::uint32_t on_mrs(uc_engine*, uc_arm64_reg reg, const uc_arm64_cp_reg* r, void* user) {
    auto* self = static_cast<Impl*>(user);
    std::uint64_t value = 0;
    if (is(r, 3, 3, 0, 0, 1)) {
      value = self->owner->ctr_el0_;
    } else if (!self->owner->on_sysreg_ || !self->owner->on_sysreg_(sysreg_of(r), false, value)) {
      return 0;
    }
    self->set_reg(reg, value);
    self->skip_instruction();
    return 1;
  }

  static std::uint32_t on_msr(uc_engine*, uc_arm64_reg, const uc_arm64_cp_reg* r, void* user) {
    auto* self = static_cast<Impl*>(user);
    std::uint64_t value = r->val;
    if (!self->owner->on_sysreg_ || !self->owner->on_sysreg_(sysreg_of(r), true, value)) return 0;
    self->skip_instruction();
    return 1;
  }

  // Every translation block as it starts: counts instructions (A64: 4 bytes each) and ends the
  // run here when a handler asked to.
  static void on_block(uc_engine* uc, std::uint64_t, std::uint32_t size, void* user) {
    auto* self = static_cast<Impl*>(user);
    if (self->stop_requested) {
      self->stop_requested = false;
      self->stopped_by_request = true;
      uc_emu_stop(uc);
      return;
    }
    self->executed += size / 4;
  }

  static void on_interrupt(uc_engine* uc, std::uint32_t intno, void* user) {
    auto* self = static_cast<Impl*>(user);
    Exception e;
    e.kind = exception_kind(intno);
    e.intno = intno;
    e.pc = self->reg(UC_ARM64_REG_PC);
    self->exception = e;
    uc_emu_stop(uc); // unicorn would resume at the same PC and trap again
  }

  static std::uint64_t mmio_read(uc_engine*, std::uint64_t offset, unsigned size, void* user) {
    auto* m = static_cast<Mmio*>(user);
    return m->read ? m->read(offset, size) : 0;
  }
  static void mmio_write(uc_engine*, std::uint64_t offset, unsigned size, std::uint64_t value,
                         void* user) {
    auto* m = static_cast<Mmio*>(user);
    if (m->write) m->write(offset, size, static_cast<std::uint32_t>(value));
  }
};

Aarch64Engine::Aarch64Engine(const EngineConfig& config) : impl_(std::make_unique<Impl>()) {
  if (config.dcache_line < 16 || config.dcache_line > 2048 ||
      (config.dcache_line & (config.dcache_line - 1)) != 0)
    throw std::invalid_argument("dcache_line must be a power of two from 16 to 2048 bytes");
  impl_->owner = this;
  check(uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &impl_->uc), "uc_open");
  // The in-order A53 is the closest of unicorn's models to the board's A55 (both ARMv8 in-order;
  // the A55's v8.2 additions are not used by the firmware). Must precede every other call.
  check(uc_ctl_set_cpu_model(impl_->uc, UC_CPU_ARM64_A53), "uc_ctl_set_cpu_model");
  // Unicorn resets with SCR_EL3 = HCR_EL2 = 0, which QEMU reads as "EL1 is AArch32": its MMU
  // would walk short descriptors and ERET would set PSTATE.IL. Non-secure EL1 in AArch64:
  impl_->set_sysreg(3, 6, 1, 1, 0, (1u << 10) | 1u); // SCR_EL3.RW | SCR_EL3.NS
  impl_->set_sysreg(3, 4, 1, 1, 0, 1ull << 31);      // HCR_EL2.RW
  // CTR_EL0 as unicorn's model has it, with the line sizes of the board.
  const std::uint64_t model_ctr = impl_->sysreg(3, 3, 0, 0, 1);
  const unsigned line = log2_words(config.dcache_line);
  ctr_el0_ = (model_ctr & ~std::uint64_t{0xf000f}) | (std::uint64_t{line} << 16) | line;

  uc_hook h = 0;
  // Hooks go in before anything runs: adding one later flushes every translation (~22 ms).
  check(uc_hook_add(impl_->uc, &h, UC_HOOK_INSN, reinterpret_cast<void*>(&Impl::on_sys),
                    impl_.get(), 1, 0, UC_ARM64_INS_SYS),
        "uc_hook_add(SYS)");
  check(uc_hook_add(impl_->uc, &h, UC_HOOK_INSN, reinterpret_cast<void*>(&Impl::on_mrs),
                    impl_.get(), 1, 0, UC_ARM64_INS_MRS),
        "uc_hook_add(MRS)");
  check(uc_hook_add(impl_->uc, &h, UC_HOOK_INSN, reinterpret_cast<void*>(&Impl::on_msr),
                    impl_.get(), 1, 0, UC_ARM64_INS_MSR),
        "uc_hook_add(MSR)");
  // Measured: a block hook costs no measurable speed (unlike a memory hook).
  check(uc_hook_add(impl_->uc, &h, UC_HOOK_BLOCK, reinterpret_cast<void*>(&Impl::on_block),
                    impl_.get(), 1, 0),
        "uc_hook_add(BLOCK)");
  check(uc_hook_add(impl_->uc, &h, UC_HOOK_INTR, reinterpret_cast<void*>(&Impl::on_interrupt),
                    impl_.get(), 1, 0),
        "uc_hook_add(INTR)");
}

Aarch64Engine::~Aarch64Engine() {
  if (impl_ && impl_->uc != nullptr) uc_close(impl_->uc);
}

void Aarch64Engine::map_ram(std::uint64_t base, std::uint8_t* host, std::size_t size) {
  if (base % kPage != 0 || size % kPage != 0 || size == 0 || host == nullptr)
    throw std::invalid_argument("RAM must be a non-empty, 4 KiB aligned host buffer");
  const uc_err e = uc_mem_map_ptr(impl_->uc, base, size, UC_PROT_ALL, host);
  if (e != UC_ERR_OK) throw std::invalid_argument(std::string("map_ram: ") + uc_strerror(e));
}

void Aarch64Engine::map_mmio(std::uint64_t base, std::size_t size, Mmio handlers) {
  if (base % kPage != 0 || size % kPage != 0 || size == 0)
    throw std::invalid_argument("an MMIO region must be non-empty and 4 KiB aligned");
  impl_->mmio.push_back(std::make_unique<Mmio>(std::move(handlers)));
  Mmio* m = impl_->mmio.back().get();
  const uc_err e = uc_mmio_map(impl_->uc, base, size, &Impl::mmio_read, m, &Impl::mmio_write, m);
  if (e != UC_ERR_OK) throw std::invalid_argument(std::string("map_mmio: ") + uc_strerror(e));
}

RunResult Aarch64Engine::run(std::uint64_t instructions) {
  RunResult r;
  impl_->exception.reset();
  impl_->executed = 0;
  impl_->stop_requested = false;
  const uc_err e =
      uc_emu_start(impl_->uc, pc(), kNoUntil, 0, static_cast<std::size_t>(instructions));
  r.pc = pc();
  r.executed = std::min(impl_->executed, instructions);
  const bool stopped = impl_->stopped_by_request;
  impl_->stopped_by_request = false;
  impl_->stop_requested = false;
  if (impl_->exception) {
    r.reason = StopReason::kException;
    r.exception = impl_->exception;
    return r;
  }
  if (e != UC_ERR_OK) {
    r.reason = StopReason::kError;
    r.error = uc_strerror(e);
    return r;
  }
  // A WFI ends the run early with the PC after it (unicorn has no stop reason to say so). A run
  // whose budget ran out exactly on a WFI is the same thing: the core sleeps either way.
  std::uint32_t previous = 0;
  if (r.pc >= 4 && uc_mem_read(impl_->uc, r.pc - 4, &previous, sizeof previous) == UC_ERR_OK &&
      previous == kWfi) {
    r.reason = StopReason::kWfi;
    return r;
  }
  if (stopped) {
    r.reason = StopReason::kStopped;
    return r;
  }
  r.executed = instructions;
  return r;
}

bool Aarch64Engine::raise_irq() {
  const std::uint64_t pstate = impl_->reg(UC_ARM64_REG_PSTATE);
  if ((pstate & kPstateI) != 0) return false;
  const std::uint64_t offset = (pstate & kPstateSp) != 0 ? kIrqFromSpx : kIrqFromSp0;
  impl_->set_reg(UC_ARM64_REG_ELR_EL1, pc());
  impl_->set_sysreg(3, 0, 4, 0, 0, pstate); // SPSR_EL1
  impl_->set_reg(UC_ARM64_REG_PSTATE, (pstate & 0xf0000000u) | kPstateEl1hMasked);
  set_pc(vbar() + offset);
  return true;
}

void Aarch64Engine::request_stop() {
  impl_->stop_requested = true;
}

void Aarch64Engine::stop_now() {
  impl_->stopped_by_request = true;
  uc_emu_stop(impl_->uc);
}

std::uint64_t Aarch64Engine::executed_so_far() const {
  return impl_->executed;
}

void Aarch64Engine::take_sync_exception(std::uint32_t esr, std::uint64_t far,
                                        std::uint64_t return_pc) {
  const std::uint64_t pstate = impl_->reg(UC_ARM64_REG_PSTATE);
  const std::uint64_t offset = (pstate & kPstateSp) != 0 ? kSyncFromSpx : kSyncFromSp0;
  impl_->set_sysreg(3, 0, 5, 2, 0, esr); // ESR_EL1
  impl_->set_sysreg(3, 0, 6, 0, 0, far); // FAR_EL1
  impl_->set_reg(UC_ARM64_REG_ELR_EL1, return_pc);
  impl_->set_sysreg(3, 0, 4, 0, 0, pstate); // SPSR_EL1
  impl_->set_reg(UC_ARM64_REG_PSTATE, (pstate & 0xf0000000u) | kPstateEl1hMasked);
  set_pc(vbar() + offset);
}

bool Aarch64Engine::read_memory(std::uint64_t address, void* out, std::size_t len) const {
  return uc_mem_read(impl_->uc, address, out, len) == UC_ERR_OK;
}

std::uint64_t Aarch64Engine::pc() const {
  return impl_->reg(UC_ARM64_REG_PC);
}
void Aarch64Engine::set_pc(std::uint64_t pc) {
  impl_->set_reg(UC_ARM64_REG_PC, pc);
}

std::uint64_t Aarch64Engine::x(unsigned n) const {
  if (n > 30) throw std::out_of_range("X" + std::to_string(n));
  if (n == 29) return impl_->reg(UC_ARM64_REG_X29);
  if (n == 30) return impl_->reg(UC_ARM64_REG_X30);
  return impl_->reg(UC_ARM64_REG_X0 + static_cast<int>(n));
}

void Aarch64Engine::set_x(unsigned n, std::uint64_t value) {
  if (n > 30) throw std::out_of_range("X" + std::to_string(n));
  if (n == 29) return impl_->set_reg(UC_ARM64_REG_X29, value);
  if (n == 30) return impl_->set_reg(UC_ARM64_REG_X30, value);
  impl_->set_reg(UC_ARM64_REG_X0 + static_cast<int>(n), value);
}

std::uint64_t Aarch64Engine::sp() const {
  return impl_->reg(UC_ARM64_REG_SP);
}
void Aarch64Engine::set_sp(std::uint64_t sp) {
  impl_->set_reg(UC_ARM64_REG_SP, sp);
}
std::uint64_t Aarch64Engine::pstate() const {
  return impl_->reg(UC_ARM64_REG_PSTATE);
}
std::uint64_t Aarch64Engine::vbar() const {
  return impl_->reg(UC_ARM64_REG_VBAR_EL1);
}
std::uint64_t Aarch64Engine::elr() const {
  return impl_->reg(UC_ARM64_REG_ELR_EL1);
}
std::uint64_t Aarch64Engine::spsr() const {
  return impl_->sysreg(3, 0, 4, 0, 0);
}

TranslationRegs Aarch64Engine::translation_regs() const {
  TranslationRegs r;
  r.sctlr = impl_->sysreg(3, 0, 1, 0, 0);
  r.tcr = impl_->sysreg(3, 0, 2, 0, 2);
  r.mair = impl_->sysreg(3, 0, 10, 2, 0);
  r.ttbr0 = impl_->sysreg(3, 0, 2, 0, 0);
  return r;
}

} // namespace sim::models::iss
