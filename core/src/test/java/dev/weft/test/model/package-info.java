/**
 * Valid entities for the core tests: the library model of API.md section 1 (Author, Book, User,
 * Profile, Category) and one entity per mapping feature. Fields are public, as in the contract.
 * The test build enhances them in place (process-test-classes), as the Maven plugin would.
 */
package dev.weft.test.model;
