// SPDX-License-Identifier: Apache-2.0
// EL1 start-up of ipcsim's bare-metal test firmware: FP/SIMD on, stack, vectors, .bss cleared,
// then bsp_init() (MMU and caches) and main(). The vectors take IRQs from the current EL (SPx)
// to bsp_irq() with the caller-saved registers preserved; every other exception traps with BRK,
// so the ISS reports it as a firmware panic with the faulting PC.
    .weak   _set_tls
    .section .text.start, "ax"
    .global _start
_start:
    mov     x0, #(3 << 20)          // CPACR_EL1.FPEN: no trap on FP/SIMD (compilers use them)
    msr     cpacr_el1, x0
    isb
    ldr     x0, =__stack_top
    mov     sp, x0
    ldr     x0, =vectors
    msr     vbar_el1, x0
    ldr     x0, =__bss_start
    ldr     x1, =__bss_end
1:  cmp     x0, x1
    b.hs    2f
    str     xzr, [x0], #8
    b       1b
2:  ldr     x1, =_set_tls           // picolibc's thread pointer (errno), when linked
    cbz     x1, 4f
    ldr     x0, =__tls_base
    blr     x1
4:  bl      bsp_init
    bl      main
3:  wfi
    b       3b

    .macro trap_vector
    .balign 0x80
    brk     #0x100
    .endm

    .macro irq_vector
    .balign 0x80
    b       irq_entry
    .endm

    .text
    .balign 2048
vectors:
    trap_vector                     // current EL, SP0: sync
    irq_vector                      //                  IRQ
    trap_vector                     //                  FIQ
    trap_vector                     //                  SError
    trap_vector                     // current EL, SPx: sync
    irq_vector                      //                  IRQ
    trap_vector                     //                  FIQ
    trap_vector                     //                  SError
    trap_vector                     // lower EL (AArch64) x4 and (AArch32) x4: unused
    trap_vector
    trap_vector
    trap_vector
    trap_vector
    trap_vector
    trap_vector
    trap_vector

irq_entry:
    stp     x0, x1, [sp, #-176]!
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x30, [sp, #144]
    mrs     x0, elr_el1
    mrs     x1, spsr_el1
    stp     x0, x1, [sp, #160]
    bl      bsp_irq
    ldp     x0, x1, [sp, #160]
    msr     elr_el1, x0
    msr     spsr_el1, x1
    ldp     x18, x30, [sp, #144]
    ldp     x16, x17, [sp, #128]
    ldp     x14, x15, [sp, #112]
    ldp     x12, x13, [sp, #96]
    ldp     x10, x11, [sp, #80]
    ldp     x8, x9, [sp, #64]
    ldp     x6, x7, [sp, #48]
    ldp     x4, x5, [sp, #32]
    ldp     x2, x3, [sp, #16]
    ldp     x0, x1, [sp], #176
    eret
