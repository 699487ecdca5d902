// SPDX-License-Identifier: Apache-2.0
// FirmwareCpu's panics: what the architecture would report for a fault the firmware cannot
// handle (ESR_EL1, FAR_EL1) and the ELF function it happened in.
#include "models/iss/fault_address.h"
#include "models/iss/firmware_cpu.h"
#include "models/iss/firmware_cpu_detail.h"

namespace sim::models::iss {

using namespace detail;

// ---- panics ------------------------------------------------------------------------------------

std::string FirmwareCpu::where(std::uint64_t pc) const {
  const std::string name = symbolize_ ? symbolize_(pc) : std::string();
  return hex(pc) + (name.empty() ? "" : " (" + name + ")");
}

void FirmwareCpu::data_abort(std::uint64_t far, bool write, const std::string& why) {
  PanicInfo info;
  info.kind = "firmware_exception";
  info.address = far;
  info.has_address = true;
  const std::uint64_t pc = engine_.pc();
  info.context = "data abort near " + where(pc) + ": ESR_EL1 " +
                 hex(esr(kEcDataAbort, (write ? kIssWnR : 0) | kDfscExternal)) + ", FAR_EL1 " +
                 hex(far) + ", a " + (write ? "write" : "read") + ": " + why;
  cluster_.kernel().panic(info);
}

void FirmwareCpu::exception_panic(const Exception& e, std::uint64_t pc) {
  std::uint32_t insn = 0;
  const bool have_insn = engine_.read_memory(e.pc, &insn, 4);
  PanicInfo info;
  info.kind = "firmware_exception";
  std::string what;
  std::uint32_t syndrome = 0;
  switch (e.kind) {
  case Exception::Kind::kUndefined:
    what = "undefined instruction";
    syndrome = esr(kEcUnknown, 0);
    break;
  case Exception::Kind::kBreakpoint:
    what = "breakpoint (BRK #" + std::to_string((insn >> 5) & 0xffff) + ")";
    syndrome = esr(kEcBrk, (insn >> 5) & 0xffff);
    break;
  case Exception::Kind::kSvc:
    what = "SVC with no vector table (VBAR_EL1 is 0)";
    syndrome = esr(kEcSvc, 0);
    break;
  case Exception::Kind::kPrefetchAbort: {
    what = "prefetch abort";
    const WalkResult w = walk(engine_.translation_regs(), e.pc, false,
                              [this](std::uint64_t d) { return read_descriptor(d); });
    syndrome = esr(kEcInstructionAbort, w.ok() ? kDfscExternal : w.fault->status_code());
    info.address = e.pc;
    info.has_address = true;
    break;
  }
  case Exception::Kind::kDataAbort: {
    what = "data abort";
    const auto access = decode_data_access(
        insn, [this](unsigned n) { return n == 31 ? engine_.sp() : engine_.x(n); });
    std::uint32_t dfsc = kDfscExternal;
    if (access) {
      const WalkResult w = walk(engine_.translation_regs(), access->address, access->write,
                                [this](std::uint64_t d) { return read_descriptor(d); });
      if (!w.ok()) dfsc = w.fault->status_code();
      info.address = access->address;
      info.has_address = true;
    }
    syndrome = esr(kEcDataAbort, dfsc | (access && access->write ? kIssWnR : 0));
    break;
  }
  case Exception::Kind::kOther:
    what = "exception " + std::to_string(e.intno);
    break;
  }
  info.context = what + " at " + where(e.pc) + ": ESR_EL1 " + hex(syndrome);
  if (info.has_address) info.context += ", FAR_EL1 " + hex(info.address);
  if (have_insn) info.context += ", instruction " + hex(insn);
  (void)pc;
  cluster_.kernel().panic(info);
}

void FirmwareCpu::memory_panic(const std::string& error, std::uint64_t pc) {
  PanicInfo info;
  info.kind = "bus_error";
  std::uint32_t insn = 0;
  std::string access = "instruction fetch";
  if (engine_.read_memory(pc, &insn, 4)) {
    if (const auto a = decode_data_access(
            insn, [this](unsigned n) { return n == 31 ? engine_.sp() : engine_.x(n); })) {
      // Unicorn checks its own memory map before the firmware's tables (a VA must be mapped in
      // both): an address the tables do not translate is the firmware's data abort.
      const WalkResult w = walk(engine_.translation_regs(), a->address, a->write,
                                [this](std::uint64_t d) { return read_descriptor(d); });
      if (!w.ok()) {
        Exception abort;
        abort.kind = Exception::Kind::kDataAbort;
        abort.pc = pc;
        exception_panic(abort, pc);
      }
      info.address = a->address;
      info.has_address = true;
      access = std::string(a->write ? "write" : "read") + " of " + hex(a->address);
    } else {
      access = "instruction " + hex(insn);
    }
  } else {
    info.address = pc;
    info.has_address = true;
  }
  info.context =
      access + " at " + where(pc) + ": no memory of the ISS core is there (unicorn: " + error + ")";
  cluster_.kernel().panic(info);
}

} // namespace sim::models::iss
