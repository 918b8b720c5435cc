#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dabiao_fuzz::plan(data));
