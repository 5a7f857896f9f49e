/** Benchmarks, the exam-day rehearsal and the zero-loss verifier. */
package io.examday.loadtest;
