-- NetSuite bill payments become Procore commitment payments: an import kind of its own, and a link
-- kind joining each commitment payment to the (payment, bill) pair of NetSuite it stands for.
ALTER TABLE export_request DROP CONSTRAINT export_request_kind_check;
ALTER TABLE export_request ADD CONSTRAINT export_request_kind_check
    CHECK (kind IN ('VENDOR', 'PROJECT', 'COST_CODES', 'SUBCONTRACTOR_INVOICE', 'VENDORS', 'PROJECTS', 'BILL_PAYMENTS'));
ALTER TABLE record_link DROP CONSTRAINT record_link_kind_check;
ALTER TABLE record_link ADD CONSTRAINT record_link_kind_check
    CHECK (kind IN ('VENDOR', 'PROJECT', 'COST_CODE', 'BILL', 'SUPPLIER', 'COMMITMENT_PAYMENT'));
ALTER TABLE export_delivery DROP CONSTRAINT export_delivery_link_kind_check;
ALTER TABLE export_delivery ADD CONSTRAINT export_delivery_link_kind_check
    CHECK (link_kind IN ('VENDOR', 'PROJECT', 'COST_CODE', 'BILL', 'SUPPLIER', 'COMMITMENT_PAYMENT'));
