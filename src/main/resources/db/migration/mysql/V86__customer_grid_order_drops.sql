-- Issue 21: replaced by the sort-ordered indexes of V85 (each starts with the same columns).
drop index ix_customer_manager on customer;
drop index ix_customer_tag_tag on customer_tag;
