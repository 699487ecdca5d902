// SPDX-License-Identifier: Apache-2.0
#pragma once
// Declarative register files (STYLE §6). A register is declared once with name, offset, access
// kind, reset value, write mask and a doc string; behaviour lives in optional hooks. A register may
// span several consecutive words (`count`), e.g. a FIFO window where every word aliases one FIFO;
// hooks then receive the word index. The bank checks offsets, access kinds and access size
// centrally and never sees a TLM payload. Documented-but-unimplemented registers are declared
// tagged: accesses are accepted, logged once, and read as the reset value.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace sim::regs {

enum class Access {
  kRW,  ///< read/write, written bits masked by write_mask
  kRO,  ///< read-only: a write is an access error
  kWO,  ///< write-only: a read is an access error
  kW1C, ///< write one to clear
  kRC,  ///< read clears
};

const char* access_name(Access access);

enum class Status { kOk, kAddressError, kAccessError, kSizeError };

struct RegisterSpec {
  std::string name;
  std::uint32_t offset = 0;
  Access access = Access::kRW;
  std::uint32_t reset = 0;
  std::uint32_t write_mask = 0xffffffffu;
  std::string doc;
  std::uint32_t count = 1; ///< consecutive 32-bit words covered by this declaration
};

class Register {
public:
  using ReadHook = std::function<std::uint32_t(unsigned index)>;
  using WriteHook = std::function<void(unsigned index, std::uint32_t value)>;

  explicit Register(RegisterSpec spec) : spec_(std::move(spec)), value_(spec_.reset) {}

  /// Value returned by reads comes from the hook instead of the stored value.
  Register& on_read(ReadHook hook) {
    read_hook_ = std::move(hook);
    return *this;
  }
  /// Called after the stored value was updated; receives the value as written by software.
  Register& on_write(WriteHook hook) {
    write_hook_ = std::move(hook);
    return *this;
  }

  const RegisterSpec& spec() const { return spec_; }
  std::uint32_t value() const { return value_; }
  void set_value(std::uint32_t v) { value_ = v; }
  bool tagged() const { return tagged_; }
  bool covers(std::uint32_t offset) const {
    return offset >= spec_.offset && offset < spec_.offset + 4 * spec_.count;
  }

private:
  friend class RegisterBank;
  RegisterSpec spec_;
  std::uint32_t value_;
  ReadHook read_hook_;
  WriteHook write_hook_;
  bool tagged_ = false;
  bool warned_ = false;
};

class RegisterBank {
public:
  explicit RegisterBank(std::string name) : name_(std::move(name)) {}
  RegisterBank(const RegisterBank&) = delete;
  RegisterBank& operator=(const RegisterBank&) = delete;

  /// Declares a register; overlapping declarations abort (a modelling bug, not user input).
  Register& add(RegisterSpec spec);
  /// Declares a documented register whose behaviour is not modelled.
  Register& add_tagged(RegisterSpec spec);
  /// Called after every successful write (STYLE: derived state recomputed in one place).
  void on_any_write(std::function<void()> hook) { after_write_ = std::move(hook); }

  Status read(std::uint32_t offset, std::uint32_t& value, unsigned size = 4);
  Status write(std::uint32_t offset, std::uint32_t value, unsigned size = 4);
  /// Debug read: stored value, no hooks, no side effects.
  Status peek(std::uint32_t offset, std::uint32_t& value) const;

  void reset();
  const std::string& name() const { return name_; }
  const std::vector<Register>& registers() const { return regs_; }
  Register* find(std::uint32_t offset);
  Register& by_name(const std::string& name);

  /// Markdown table of the registers (docs/models/<model>.md is generated from this).
  std::string markdown() const;

private:
  Status check(std::uint32_t offset, unsigned size, Register*& reg);

  std::string name_;
  std::vector<Register> regs_;
  std::function<void()> after_write_;
};

} // namespace sim::regs
