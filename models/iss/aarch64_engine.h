// SPDX-License-Identifier: Apache-2.0
#pragma once
// One AArch64 core executing real firmware (issue 14), on Debian's libunicorn 2.0.1 (QEMU's
// AArch64 translator). Pure C++: no SystemC here; the cluster shell (to come) runs it in
// instruction quanta against simulated time, serves its MMIO through the TLM models and its
// cache maintenance through the D-cache model.
// What unicorn 2.0.1 does and does not do was measured, not assumed (research note
// unicorn_aarch64.md): it resets with SCR_EL3 and HCR_EL2 zero, which makes EL1 AArch32 for its
// MMU walks and ERET, so both are set to AArch64 before anything runs; it never vectors a
// synchronous exception to VBAR_EL1 and has no IRQ input, so exceptions stop the run with their
// kind and IRQs are taken by raise_irq() between runs; WFI returns from the run, recognised by
// the instruction before the PC; DC operations reach a SYS hook with the VA; CTR_EL0 is reported
// with the board's line size.
// System registers unicorn has no useful model of (the GICv3 CPU interface, the generic timer on
// simulated time) go to an `on_sysreg` handler: MRS and MSR of them reach unicorn's hooks, the
// undefined ICC_* ones included, and the hook moves the PC past the instruction.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "models/iss/page_walk.h"

namespace sim::models::iss {

struct EngineConfig {
  /// The D-cache line the core reports in CTR_EL0 (DminLine) and maintains by (the board's).
  unsigned dcache_line = 64;
};

/// A DC operation by VA (DC CIVAC, CVAC, IVAC, ZVA), as the SYS instruction encodes it.
struct DcOp {
  enum class Kind { kCleanInvalidate, kClean, kInvalidate, kZero };
  Kind kind;
  std::uint64_t va = 0; ///< Xt: any address in the line (the block, for ZVA)
  std::uint64_t pc = 0; ///< the instruction's address
};

/// A system register as MRS/MSR encode it (S<op0>_<op1>_C<crn>_C<crm>_<op2>).
struct SysReg {
  std::uint8_t op0 = 0, op1 = 0, crn = 0, crm = 0, op2 = 0;
  friend bool operator==(const SysReg& a, const SysReg& b) {
    return a.op0 == b.op0 && a.op1 == b.op1 && a.crn == b.crn && a.crm == b.crm && a.op2 == b.op2;
  }
};

/// Why a run stopped before its instruction budget, or that it used it.
enum class StopReason {
  kBudget,    ///< executed the instructions it was given
  kWfi,       ///< executed a WFI: the core sleeps until an interrupt
  kException, ///< a synchronous exception the engine cannot vector (see Exception)
  kError,     ///< unicorn refused to go on (an access outside every mapped region)
  kStopped    ///< request_stop() from a handler: ended at the next block boundary
};

struct Exception {
  enum class Kind { kUndefined, kSvc, kBreakpoint, kPrefetchAbort, kDataAbort, kOther };
  Kind kind = Kind::kOther;
  std::uint64_t pc = 0; ///< the instruction that raised it (SVC: the one after, as the ESR's ELR)
  std::uint32_t intno = 0;
};

struct RunResult {
  StopReason reason = StopReason::kBudget;
  std::uint64_t pc = 0; ///< where the core resumes
  /// Instructions executed: exact for kBudget; for an early stop counted by translation blocks,
  /// so at most the rest of the stopping block too many.
  std::uint64_t executed = 0;
  std::optional<Exception> exception;
  std::string error; ///< unicorn's message for kError
};

class Aarch64Engine {
public:
  /// Read and write handlers of a device region; offsets are from the region's base. Unicorn
  /// splits every access into 4-byte pieces (an 8-byte load is two reads).
  struct Mmio {
    std::function<std::uint32_t(std::uint64_t offset, unsigned size)> read;
    std::function<void(std::uint64_t offset, unsigned size, std::uint32_t value)> write;
  };

  /// Throws std::runtime_error when the engine cannot be created.
  explicit Aarch64Engine(const EngineConfig& config = {});
  ~Aarch64Engine();
  Aarch64Engine(const Aarch64Engine&) = delete;
  Aarch64Engine& operator=(const Aarch64Engine&) = delete;

  /// RAM the core reads and writes directly (private memory, no model in between): `host` must
  /// outlive the engine; base and size 4 KiB aligned. Throws std::invalid_argument otherwise.
  void map_ram(std::uint64_t base, std::uint8_t* host, std::size_t size);
  /// A region whose every access goes to `handlers` (device registers; the carve-outs through
  /// the cache model). Code cannot run from it. Throws std::invalid_argument when misaligned.
  void map_mmio(std::uint64_t base, std::size_t size, Mmio handlers);
  /// Called for every DC CIVAC/CVAC/IVAC/ZVA; the engine itself does nothing for them (unicorn
  /// has no caches), ZVA included: the handler zeroes the block through the memory it models.
  void on_dc(std::function<void(const DcOp&)> handler) { on_dc_ = std::move(handler); }
  /// Serves MRS (`write` false: set `value`) and MSR (`write` true: `value` is written) of a
  /// system register; returns false to leave it to unicorn (an ICC_* register is then undefined).
  /// CTR_EL0 is the engine's own.
  using SysRegHandler = std::function<bool(const SysReg& reg, bool write, std::uint64_t& value)>;
  void on_sysreg(SysRegHandler handler) { on_sysreg_ = std::move(handler); }
  /// From a handler during run(): ends the run at the next translation-block boundary (an
  /// interrupt became pending while the core ran; unicorn's PC is only exact there).
  void request_stop();
  /// From a handler during run(): ends the run as soon as unicorn can (the handler hit an error
  /// the run cannot go on from; the PC is then not exact).
  void stop_now();
  /// Instructions begun so far in the current run (by whole translation blocks): what a handler
  /// uses to place its access in time.
  std::uint64_t executed_so_far() const;

  /// Runs at most `instructions` instructions from the current PC.
  RunResult run(std::uint64_t instructions);

  /// Takes an IRQ now (between runs), as the architecture does for an IRQ at the current EL:
  /// ELR_EL1 = PC, SPSR_EL1 = PSTATE, PSTATE = EL1h with DAIF masked, PC = VBAR_EL1 + 0x280
  /// (0x080 from EL1t). Returns false, changing nothing, while PSTATE.I masks it.
  bool raise_irq();
  /// Takes a synchronous exception to EL1 as the architecture does: ESR_EL1, FAR_EL1, ELR_EL1 =
  /// `return_pc`, SPSR_EL1 = PSTATE, PSTATE = EL1h masked, PC = VBAR_EL1 + 0x200 (0x000 from
  /// EL1t).
  void take_sync_exception(std::uint32_t esr, std::uint64_t far, std::uint64_t return_pc);
  /// Reads guest memory from any mapped RAM region (not devices); false when unmapped.
  bool read_memory(std::uint64_t address, void* out, std::size_t len) const;

  std::uint64_t pc() const;
  void set_pc(std::uint64_t pc);
  std::uint64_t x(unsigned n) const; ///< X0..X30
  void set_x(unsigned n, std::uint64_t value);
  std::uint64_t sp() const;
  void set_sp(std::uint64_t sp);
  std::uint64_t pstate() const;
  std::uint64_t vbar() const;
  std::uint64_t elr() const;
  std::uint64_t spsr() const;
  /// SCTLR_EL1, TCR_EL1, MAIR_EL1 and TTBR0_EL1 as the firmware set them (for walk()).
  TranslationRegs translation_regs() const;

  /// The value CTR_EL0 reads: unicorn's A53 with DminLine/IminLine of the configured line.
  std::uint64_t ctr_el0() const { return ctr_el0_; }

private:
  struct Impl; // unicorn's handle and the hook trampolines (aarch64_engine.cpp)
  std::unique_ptr<Impl> impl_;
  std::function<void(const DcOp&)> on_dc_;
  SysRegHandler on_sysreg_;
  std::uint64_t ctr_el0_ = 0;
};

} // namespace sim::models::iss
