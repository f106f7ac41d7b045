/**
 * Valid entities for the core tests: the library model of API.md section 1 (Author, Book, User,
 * Profile, Category) and one entity per mapping feature. Fields are public, as in the contract.
 * These classes are not bytecode-enhanced in core's tests.
 */
package dev.weft.test.model;
